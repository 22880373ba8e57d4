import { testDialects } from '@canopy/persistence';
import { startTestServer, TestServer } from '../../../testing/test-server';
import { bulkInsertCompliance } from './bulk-compliance';
import { BULK_GLOBAL as GLOBAL, expectOk, publishPolicy } from '../../../testing/fixtures';


interface Measured {
  statements: number;
  findings: number;
  ms: number;
}

async function setUp(dialect: 'sqlite' | 'mysql', count: number): Promise<{ t: TestServer; officer: string }> {
  // 1,000 services hold more findings than the plain list's default cap: this measures its statements, not the cap.
  const t = await startTestServer(dialect, { CANOPY_MAX_LIST_RESULTS: '100000' });
  await expectOk(t.gql('mutation { createTeam(key: "bulk", name: "Bulk") { id } }'));
  const officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
  await bulkInsertCompliance(t.server.db.dataSource, 'bulk', count, 'dpo@x.test');
  await publishPolicy(t, officer, 'general', GLOBAL);
  return { t, officer };
}

async function measure(t: TestServer, token: string, query: string): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const r = await t.gql(query, {}, token);
    const ms = performance.now() - started;
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    runs.push({ statements: r.statements, findings: r.data!.findings.length, ms });
  }
  runs.sort((a, b) => a.ms - b.ms);
  // The statements of the first run, which reads the policy versions' clauses; later runs keep them (PublishedLayers).
  return { ...runs[1], statements: Math.max(...runs.map((r) => r.statements)) };
}

describe.each(testDialects())('findings at scale on %s', (dialect) => {
  it('should answer findings for 20 and for 1,000 services with 8 items each in the same, small number of SQL statements', async () => {
    const small = await setUp(dialect, 20);
    const large = await setUp(dialect, 1000);
    try {
      const query = '{ findings { rule severity dataCategory message service { key } clause { topic subject value } } }';
      const few = await measure(small.t, small.officer, query);
      const many = await measure(large.t, large.officer, query);
      expect(many.findings).toBeGreaterThan(few.findings * 40);
      expect(many.statements).toBe(few.statements);
      expect(many.statements).toBeLessThanOrEqual(20);

      const perService = 'query { services(first: 200) { edges { node { key findings { rule } } } } }';
      const pageFew = await small.t.gql(perService, {}, small.officer);
      const pageMany = await large.t.gql(perService, {}, large.officer);
      expect(pageMany.data!.services.edges).toHaveLength(200);
      expect(pageMany.statements).toBe(pageFew.statements);

      console.log(
        `[findings scale, ${dialect}] 1,000 services x 8 items: ${many.findings} findings, ${many.statements} SQL statements, ${many.ms.toFixed(0)} ms (median of 3); 20 services: ${few.statements} statements, ${few.ms.toFixed(0)} ms`,
      );
    } finally {
      await small.t.close();
      await large.t.close();
    }
  });
});
