/**
 * What a Merkle proof over the audit log costs when it is built from stored
 * complete-subtree hashes (@canopy/evidence, issue 17):
 *
 *   npm run bench:evidence -- [--sizes 50000,500000] [--proofs 1000] [--db sqlite|mysql|memory]
 *
 * For each log size it appends that many events' leaves as the API would
 * (MerkleFrontier: the subtrees each append completes), stores every
 * complete subtree in memory and, unless --db memory, in a table of a fresh
 * database (dropped at the end), then times random inclusion and consistency
 * proofs (subtrees read, SQL statements, time per proof), verification, and
 * the batch of inclusion proofs a bundle of --bundle events needs.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  leafHash,
  MemorySubtreeStore,
  planConsistencyProof,
  planInclusionProof,
  planInclusionProofs,
  planRootHash,
  ProofPlan,
  readPlan,
  SubtreeHashSource,
  SubtreeRef,
  verifyConsistency,
  verifyInclusion,
} from '@canopy/evidence';
import { createTestDatabase, openDataSource } from '@canopy/persistence';
import { ms, percentile, table } from './stats';

const TABLE = 'bench_audit_subtree';
/** Two parameters per subtree: well under SQLite's 32,766 and MySQL's 65,535 per statement. */
const REFS_PER_STATEMENT = 2000;

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const randomInt = (below: number) => Math.floor(Math.random() * below);

/**
 * Reads subtrees from the table in as few statements as the parameter limit
 * allows, counting them. One IN list per subtree size: a long OR of
 * (size, start) pairs exceeds SQLite's expression depth (1,000).
 */
function tableSource(ds: DataSource): SubtreeHashSource & { statements: number } {
  const source = {
    statements: 0,
    async subtreeHashes(refs: readonly SubtreeRef[]) {
      const found = new Map<string, Buffer>();
      for (const chunk of chunks(refs, REFS_PER_STATEMENT)) {
        source.statements++;
        const bySize = new Map<number, number[]>();
        for (const ref of chunk) bySize.set(ref.size, [...(bySize.get(ref.size) ?? []), ref.start]);
        const where = [...bySize.values()].map((starts) => `(subtree_size = ? AND first_leaf IN (${starts.map(() => '?').join(', ')}))`).join(' OR ');
        const rows: Array<{ subtree_size: number; first_leaf: number; hash: Buffer }> = await ds.query(
          `SELECT subtree_size, first_leaf, hash FROM ${TABLE} WHERE ${where}`,
          [...bySize.entries()].flatMap(([size, starts]) => [size, ...starts]),
        );
        for (const row of rows) found.set(`${row.subtree_size}:${row.first_leaf}`, row.hash);
      }
      return refs.map((ref) => found.get(`${ref.size}:${ref.start}`)!);
    },
  };
  return source;
}

async function storeInTable(ds: DataSource, dialect: string, store: MemorySubtreeStore, size: number): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  await ds.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await ds.query(`CREATE TABLE ${TABLE} (subtree_size INTEGER NOT NULL, first_leaf INTEGER NOT NULL, hash ${dialect === 'mysql' ? 'BINARY(32)' : 'BLOB'} NOT NULL, PRIMARY KEY (subtree_size, first_leaf))`);
  const refs: SubtreeRef[] = [];
  for (let s = 1; s <= size; s *= 2) for (let start = 0; start + s <= size; start += s) refs.push({ start, size: s });
  await ds.transaction(async (tx) => {
    for (const chunk of chunks(refs, 1000)) {
      const hashes = store.subtreeHashes(chunk);
      await tx.query(`INSERT INTO ${TABLE} (subtree_size, first_leaf, hash) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`, chunk.flatMap((ref, i) => [ref.size, ref.start, hashes[i]]));
    }
  });
  store.stats.batches = 0;
  store.stats.reads = 0;
  return { rows: refs.length, seconds: (performance.now() - started) / 1000 };
}

interface Timing {
  reads: number[];
  statements: number[];
  ms: number[];
}

async function timeProofs(source: SubtreeHashSource & { statements?: number }, plans: Array<ProofPlan<Buffer[]>>): Promise<Timing & { proofs: Buffer[][] }> {
  const timing: Timing & { proofs: Buffer[][] } = { reads: [], statements: [], ms: [], proofs: [] };
  for (const plan of plans) {
    const statementsBefore = source.statements ?? 0;
    const started = performance.now();
    timing.proofs.push(await readPlan(source, plan));
    timing.ms.push(performance.now() - started);
    timing.reads.push(plan.subtrees.length);
    timing.statements.push((source.statements ?? 0) - statementsBefore);
  }
  return timing;
}

const avg = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const range = (values: number[]) => `${Math.min(...values)}-${Math.max(...values)} (avg ${avg(values).toFixed(1)})`;

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '50000,500000' },
      proofs: { type: 'string', default: '1000' },
      bundle: { type: 'string', default: '5000' },
      db: { type: 'string', default: 'sqlite' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const proofCount = Number(values.proofs);
  const bundleEvents = Number(values.bundle);
  const dialect = values.db;
  if (dialect === 'mysql') process.env.TEST_MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test';
  const database = dialect === 'memory' ? null : await createTestDatabase(dialect === 'mysql' ? 'mysql' : 'sqlite');
  const ds = database ? await openDataSource(database.url) : null;
  const rows: string[][] = [];
  try {
    for (const size of sizes) {
      const started = performance.now();
      const store = new MemorySubtreeStore();
      for (let i = 0; i < size; i++) store.append(leafHash(randomBytes(32)));
      const appendUs = ((performance.now() - started) * 1000) / size;
      const stored = ds ? await storeInTable(ds, dialect, store, size) : null;
      const root = store.root();

      const leaves = Array.from({ length: proofCount }, () => randomInt(size));
      const fromSizes = Array.from({ length: proofCount }, () => 1 + randomInt(size - 1));
      const source = ds ? tableSource(ds) : store;
      const inclusion = await timeProofs(source, leaves.map((leaf) => planInclusionProof(leaf, size)));
      const consistency = await timeProofs(source, fromSizes.map((m) => planConsistencyProof(m, size)));

      // An auditor's side: check what was read against the root (leaf hashes and old roots from memory, untimed).
      const checks = leaves.map((leaf, i) => ({ leaf, leafHash: store.subtreeHashes([{ start: leaf, size: 1 }])[0], m: fromSizes[i], oldRoot: planRootHash(fromSizes[i]).assemble(store.subtreeHashes(planRootHash(fromSizes[i]).subtrees)) }));
      const verifyStarted = performance.now();
      checks.forEach(({ leaf, leafHash: hash, m, oldRoot }, i) => {
        if (!verifyInclusion(leaf, size, hash, inclusion.proofs[i], root)) throw new Error(`inclusion of ${leaf} in ${size} did not verify`);
        if (!verifyConsistency(m, size, oldRoot, root, consistency.proofs[i])) throw new Error(`consistency ${m} -> ${size} did not verify`);
      });
      const verifyUs = ((performance.now() - verifyStarted) * 1000) / proofCount;

      const bundleLeaves = Array.from({ length: Math.min(bundleEvents, size) }, () => randomInt(size));
      const bundlePlan = planInclusionProofs(bundleLeaves, size);
      const bundleSource = ds ? tableSource(ds) : store;
      const bundleStarted = performance.now();
      await readPlan(bundleSource, bundlePlan);
      const bundleMs = performance.now() - bundleStarted;
      const bundleStatements = 'statements' in bundleSource ? String(bundleSource.statements) : 'n/a';

      const where = ds ? dialect : 'memory';
      rows.push([
        size.toLocaleString('en'),
        where,
        `${appendUs.toFixed(1)} µs/append` + (stored ? `; ${stored.rows.toLocaleString('en')} rows written in ${stored.seconds.toFixed(1)} s` : ''),
        range(inclusion.reads),
        `${ms(percentile(inclusion.ms, 50))} / ${ms(percentile(inclusion.ms, 99))}`,
        range(consistency.reads),
        `${ms(percentile(consistency.ms, 50))} / ${ms(percentile(consistency.ms, 99))}`,
        ds ? String(Math.max(...inclusion.statements, ...consistency.statements)) : 'n/a',
        `${verifyUs.toFixed(0)} µs`,
        `${bundleLeaves.length} proofs: ${bundlePlan.subtrees.length.toLocaleString('en')} subtrees, ${bundleStatements} stmts, ${ms(bundleMs)} ms`,
      ]);
    }
  } finally {
    await ds?.destroy();
    await database?.drop();
  }
  console.log(`\nMerkle proofs from stored subtree hashes (${proofCount} random proofs per size; times in ms, p50 / p99)\n`);
  console.log(
    table(
      ['leaves', 'store', 'building the subtrees', 'inclusion: subtrees read', 'inclusion ms', 'consistency: subtrees read', 'consistency ms', 'statements per proof', 'verify (incl. + cons.)', 'bundle batch'],
      rows,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
