import { AuditHeadEntity, testDialects } from '@canopy/persistence';
import { buildCanopySchema } from '../../schema';
import { codeOf, startTestServer, tableCounts, TestServer } from '../../testing/test-server';
import { Entry, label, MATRIX, MATRIX_ENV } from './authorization-matrix';
import { Caller, CALLERS, World } from './authorization-world';

/** Everything a refused request could have written: the row count of every table and the audit head. */
async function snapshot(t: TestServer): Promise<unknown> {
  const head = await t.server.db.manager.findOneBy(AuditHeadEntity, { id: 1 });
  return { tables: await tableCounts(t.server), head: head && { seq: head.seq, hash: head.hash } };
}

describe('the authorization matrix', () => {
  it('should have an entry for every query and mutation of the schema, and none for a field that is gone', async () => {
    const schema = await buildCanopySchema();
    const rootFields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    const covered = new Set(MATRIX.map((e) => e.field));
    expect(rootFields.filter((f) => !covered.has(f))).toEqual([]);
    expect([...covered].filter((f) => !rootFields.includes(f))).toEqual([]);
  });

  it('should name each entry once', () => {
    const labels = MATRIX.map(label);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });
});

describe.each(testDialects())('the authorization matrix on %s', (dialect) => {
  let t: TestServer;
  let w: World;

  beforeAll(async () => {
    t = await startTestServer(dialect, MATRIX_ENV);
    w = await World.create(t);
  });
  afterAll(() => t.close());

  /** One attempt: what went wrong, or null. */
  async function attempt(world: World, entry: Entry, caller: Caller | 'ANONYMOUS'): Promise<string | null> {
    const { query, variables } = await entry.prepare(world, caller === 'ANONYMOUS' ? (entry.allowed[0] ?? 'ADMIN') : caller);
    const allowed = caller !== 'ANONYMOUS' && entry.allowed.includes(caller);
    const before = allowed ? null : await snapshot(world.t);
    const r = await world.t.gql(query, variables, caller === 'ANONYMOUS' ? {} : world.tokens[caller]);
    if (r.status >= 500) return `${caller}: HTTP ${r.status}`;
    if (allowed) {
      if (r.errors) return `${caller}: expected to be allowed, got ${r.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`;
      if (r.data?.[entry.field] === undefined) return `${caller}: no ${entry.field} in the answer`;
      try {
        entry.check?.(r.data, caller, world);
      } catch (error) {
        return `${caller}: ${(error as Error).message}`;
      }
      return null;
    }
    const expected = caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : (entry.denial ?? 'FORBIDDEN');
    if (codeOf(r) !== expected) return `${caller}: expected ${expected}, got ${r.errors ? r.errors.map((e) => e.extensions?.code).join(', ') : 'an answer'}`;
    if (r.data?.[entry.field]) return `${caller}: refused, yet data came back`;
    const after = await snapshot(world.t);
    if (JSON.stringify(after) !== JSON.stringify(before)) return `${caller}: refused, yet something was written`;
    return null;
  }

  it.each(MATRIX.map((entry) => [label(entry), entry] as const))('%s', async (_label, entry) => {
    const problems: string[] = [];
    // Refusals first: they must leave the state exactly as it was.
    for (const caller of ['ANONYMOUS' as const, ...CALLERS.filter((c) => !entry.allowed.includes(c))]) {
      const problem = await attempt(w, entry, caller);
      if (problem) problems.push(problem);
    }
    let world = w;
    let fresh: TestServer | null = null;
    if (entry.fresh) {
      fresh = await startTestServer(dialect, MATRIX_ENV);
      world = await World.create(fresh, { globalPolicy: false });
    }
    try {
      for (const caller of entry.allowed) {
        const problem = await attempt(world, entry, caller);
        if (problem) problems.push(problem);
      }
    } finally {
      await fresh?.close();
    }
    expect(problems).toEqual([]);
  });
});
