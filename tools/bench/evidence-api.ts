/**
 * What the API's audit evidence costs at a given log size, on its own tables
 * (issue 17, docs/evidence.md):
 *
 *   npm run bench:evidence-api -- [--sizes 50000,500000] [--db sqlite|mysql] [--appends 200] [--proofs 200] [--bundle 5000]
 *
 * For each size: a fresh migrated database, that many chained audit events
 * written in bulk (as the dataset writes them, no subtrees), then
 * - the catch-up a log without subtrees gets once (AuditEvidence.storeNewEvents),
 * - appends through appendAuditEvent in Database.write, each storing its
 *   subtrees in its transaction (statements and time per append),
 * - inclusion and consistency proofs and signed heads through AuditEvidence
 *   (statements and time per proof),
 * - the inclusion proofs of --bundle random events in one batch, as a bundle reads them.
 * Statements are counted as the API counts them (QueryCountingLogger), without a request's sign-in.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { countQueriesIn, createTestDatabase, openDataSource, QueryCountingLogger, QueryTally } from '@canopy/persistence';
/* eslint-disable @nx/enforce-module-boundaries -- a benchmark of the API's own services on its tables: no HTTP request isolates an append or a proof (and the dataset's chaining is not exported) */
import { chainAuditEvents } from '../../libs/persistence/src/testing/dataset/audit-chain';
import { Database } from '../../apps/api/src/common/database';
import { appendAuditEvent } from '../../apps/api/src/modules/audit/audit-log';
import { AuditEvidence } from '../../apps/api/src/modules/evidence/audit-evidence.app-service';
import { AuditSigningKey } from '../../apps/api/src/modules/evidence/audit-signing-key';
/* eslint-enable @nx/enforce-module-boundaries */
import { ms, percentile, table } from './stats';

const EVENTS_PER_INSERT = 2000;
const randomInt = (below: number) => Math.floor(Math.random() * below);

async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number; ms: number }> {
  const tally: QueryTally = { statements: 0 };
  const started = performance.now();
  const value = await countQueriesIn(tally, fn);
  return { value, statements: tally.statements, ms: performance.now() - started };
}

/** Writes `size` chained events in bulk and sets the head, as the dataset does: the stored tree is then behind. */
async function fillLog(ds: DataSource, size: number): Promise<void> {
  let head = { seq: 0, hash: '0'.repeat(64) };
  const [row] = await ds.query('SELECT seq, hash FROM audit_head WHERE id = 1');
  if (row) head = { seq: Number(row.seq), hash: row.hash };
  const at = new Date('2026-01-01T00:00:00Z');
  for (let done = 0; done < size; done += EVENTS_PER_INSERT) {
    const count = Math.min(EVENTS_PER_INSERT, size - done);
    const drafts = Array.from({ length: count }, (_, i) => ({
      at,
      actorId: null,
      actorEmail: 'bench@canopy.test',
      action: 'bench.event',
      entityType: 'bench',
      entityId: String(done + i),
      after: { nonce: randomBytes(8).toString('hex') },
    }));
    const chained = chainAuditEvents(head, drafts);
    await ds.manager.insert('AuditEventEntity', chained.events);
    head = chained.head;
  }
  await ds.query('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1', [head.seq, head.hash]);
}

const spread = (values: number[]) => `${Math.min(...values)}-${Math.max(...values)}`;
const p = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '50000,500000' },
      db: { type: 'string', default: 'sqlite' },
      appends: { type: 'string', default: '200' },
      proofs: { type: 'string', default: '200' },
      bundle: { type: 'string', default: '5000' },
    },
  });
  const dialect = values.db === 'mysql' ? 'mysql' : 'sqlite';
  if (dialect === 'mysql') process.env.TEST_MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test';
  const rows: string[][] = [];
  for (const size of values.sizes.split(',').map(Number)) {
    const database = await createTestDatabase(dialect);
    const ds = await openDataSource(database.url, { logger: new QueryCountingLogger(() => undefined) });
    try {
      await ds.runMigrations({ transaction: 'each' });
      const filled = performance.now();
      await fillLog(ds, size);
      const fillSeconds = (performance.now() - filled) / 1000;
      const db = new Database(ds);
      const evidence = new AuditEvidence(db, new AuditSigningKey(db, null));
      await evidence.signingKey.key();
      const catchUp = await counted(() => evidence.storeNewEvents());

      const appends = { statements: [] as number[], ms: [] as number[] };
      for (let i = 0; i < Number(values.appends); i++) {
        const r = await counted(() => db.write((tx, at) => appendAuditEvent(tx, at, null, { action: 'bench.append', entityType: 'bench', entityId: `a${i}`, after: { i } })));
        appends.statements.push(r.statements);
        appends.ms.push(r.ms);
      }
      const n = size + Number(values.appends);
      const inclusion = { statements: [] as number[], ms: [] as number[] };
      const consistency = { statements: [] as number[], ms: [] as number[] };
      const heads = { statements: [] as number[], ms: [] as number[] };
      for (let i = 0; i < Number(values.proofs); i++) {
        const a = await counted(() => evidence.inclusionProof(1 + randomInt(n), n));
        inclusion.statements.push(a.statements);
        inclusion.ms.push(a.ms);
        const b = await counted(() => evidence.consistencyProof(1 + randomInt(n - 1), n));
        consistency.statements.push(b.statements);
        consistency.ms.push(b.ms);
        const c = await counted(() => evidence.treeHead(1 + randomInt(n), new Date()));
        heads.statements.push(c.statements);
        heads.ms.push(c.ms);
      }
      const bundleLeaves = Array.from({ length: Math.min(Number(values.bundle), n) }, () => randomInt(n));
      const bundle = await counted(() => evidence.inclusionProofs(bundleLeaves, n));
      rows.push([
        size.toLocaleString('en'),
        dialect,
        `${fillSeconds.toFixed(1)} s`,
        `${catchUp.statements} stmts, ${(catchUp.ms / 1000).toFixed(1)} s`,
        `${spread(appends.statements)} stmts, ${p(appends.ms)}`,
        `${spread(inclusion.statements)} stmts, ${p(inclusion.ms)}`,
        `${spread(consistency.statements)} stmts, ${p(consistency.ms)}`,
        `${spread(heads.statements)} stmts, ${p(heads.ms)}`,
        `${bundleLeaves.length} proofs: ${bundle.statements} stmts, ${ms(bundle.ms)} ms`,
      ]);
    } finally {
      await ds.destroy();
      await database.drop();
    }
  }
  console.log(`\nThe API's audit evidence (${values.appends} appends, ${values.proofs} proofs of each kind per size; ms p50 / p99)\n`);
  console.log(
    table(['events', 'db', 'bulk load', 'catch-up (once)', 'append (with its subtrees)', 'inclusion proof', 'consistency proof', 'signed head', 'bundle batch'], rows),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
