import { testDialects } from '@canopy/persistence';
import { startTestServer, TestServer } from '../../../testing/test-server';
import { bulkInsertCompliance } from './bulk-compliance';
import { BULK_GLOBAL as GLOBAL, codes, expectOk, publishPolicy } from '../../../testing/fixtures';


const FIELDS = 'rule severity dataCategory message accepted service { key }';
const PLAIN = `query($key: String, $min: Severity, $accepted: Boolean) { findings(serviceKey: $key, minSeverity: $min, accepted: $accepted) { ${FIELDS} } }`;
const PAGE = `query($first: Int, $after: String, $filter: FindingFilter, $at: DateTime) {
  findingsConnection(first: $first, after: $after, filter: $filter, at: $at) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } } } }`;

interface Row {
  rule: string;
  severity: string;
  dataCategory: string | null;
  message: string;
  accepted: boolean;
  service: { key: string };
}
const flat = (r: Row) => `${r.service.key}|${r.rule}|${r.severity}|${r.dataCategory}|${r.message}|${r.accepted}`;

describe.each(testDialects())('findingsConnection on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let plain: Row[];
  /** Just before the one acceptance: every service, item, arrangement and policy of the fixtures was there already. */
  let beforeAcceptance: Date;

  /** Every page of a filter, `first` at a time. */
  async function pageThrough(first: number, filter: Record<string, unknown> | null = null): Promise<{ rows: Row[]; totals: number[]; pages: number }> {
    const rows: Row[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await expectOk(t.gql(PAGE, { first, after, filter }, officer));
      const c: { totalCount: number; edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = data.findingsConnection;
      pages++;
      totals.push(c.totalCount);
      rows.push(...c.edges.map((e) => e.node));
      expect(c.edges.length).toBeLessThanOrEqual(first);
      if (!c.pageInfo.hasNextPage) return { rows, totals, pages };
      expect(c.edges).toHaveLength(first);
      after = c.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await expectOk(t.gql('mutation { createTeam(key: "bulk", name: "Bulk") { id } }'));
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    await bulkInsertCompliance(t.server.db.dataSource, 'bulk', 130, 'dpo@x.test');
    await publishPolicy(t, officer, 'general', GLOBAL);
    const key = 'plain-00001';
    beforeAcceptance = new Date();
    await expectOk(
      t.gql(
        'mutation($i: AcceptFindingInput!) { acceptFinding(input: $i) { id } }',
        { i: { serviceKey: key, rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'archived', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
        officer,
      ),
    );
    plain = (await expectOk(t.gql(PLAIN, {}, officer))).findings;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should page through the same findings, in the same order, as the plain list', async () => {
    expect(plain.length).toBeGreaterThan(300);
    const { rows, totals, pages } = await pageThrough(97);
    expect(rows.map(flat)).toEqual(plain.map(flat));
    expect(new Set(totals)).toEqual(new Set([plain.length]));
    expect(pages).toBe(Math.ceil(plain.length / 97));
  });

  it('should page with the default page size and with first: 1000', async () => {
    const one = await expectOk(t.gql(PAGE, {}, officer));
    expect(one.findingsConnection.edges.map((e: { node: Row }) => flat(e.node))).toEqual(plain.slice(0, 500).map(flat));
    const { rows } = await pageThrough(1000);
    expect(rows.map(flat)).toEqual(plain.map(flat));
  });

  it('should filter by severity, rule, acceptance and service as the plain list does', async () => {
    const high = await pageThrough(40, { minSeverity: 'HIGH' });
    expect(high.rows.map(flat)).toEqual(plain.filter((f) => ['HIGH', 'CRITICAL'].includes(f.severity)).map(flat));
    expect(high.totals[0]).toBe(high.rows.length);

    const retention = await pageThrough(40, { rule: 'RETENTION_EXCEEDED' });
    expect(retention.rows.length).toBeGreaterThan(0);
    expect(retention.rows.map(flat)).toEqual(plain.filter((f) => f.rule === 'RETENTION_EXCEEDED').map(flat));

    const accepted = await pageThrough(10, { accepted: true });
    expect(accepted.rows.map(flat)).toEqual(plain.filter((f) => f.accepted).map(flat));
    expect(accepted.rows).toHaveLength(1);
    const open = await pageThrough(200, { accepted: false });
    expect(open.rows.map(flat)).toEqual(plain.filter((f) => !f.accepted).map(flat));

    const one = await pageThrough(2, { serviceKey: 'pol-00003', minSeverity: 'MEDIUM' });
    const expected = (await expectOk(t.gql(PLAIN, { key: 'pol-00003', min: 'MEDIUM' }, officer))).findings as Row[];
    expect(expected.length).toBeGreaterThan(2);
    expect(one.rows.map(flat)).toEqual(expected.map(flat));
  });

  it('should answer a filter that selects nothing with an empty last page', async () => {
    const r = await expectOk(t.gql(PAGE, { filter: { rule: 'NO_SUCH_RULE' } }, officer));
    expect(r.findingsConnection).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('should measure at a future instant and at a past one, as things were then', async () => {
    const future = await expectOk(t.gql(PAGE, { first: 5, at: new Date(Date.now() + 2 * 86_400_000).toISOString(), filter: { accepted: true } }, officer));
    expect(future.findingsConnection.totalCount).toBe(0); // the acceptance has expired by then
    const now = await expectOk(t.gql(PAGE, { first: 5, at: new Date().toISOString(), filter: { accepted: true } }, officer));
    expect(now.findingsConnection.totalCount).toBe(1);

    const early = await expectOk(t.gql(PAGE, { first: 5, at: new Date(Date.now() - 3_600_000).toISOString() }, officer));
    expect(early.findingsConnection).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] }); // nothing registered then

    // Within 5 s of the request's clock an instant means now: wait until beforeAcceptance is clearly past.
    const wait = beforeAcceptance.getTime() + 6000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = beforeAcceptance.toISOString();
    const past = (await expectOk(t.gql(PAGE, { first: 1000, at }, officer))).findingsConnection;
    expect(past.totalCount).toBe(plain.length);
    expect(past.edges.map((e: { node: Row }) => flat(e.node))).toEqual(plain.slice(0, 1000).map((f) => flat({ ...f, accepted: false })));
    expect((await expectOk(t.gql(PAGE, { first: 5, at, filter: { accepted: true } }, officer))).findingsConnection.totalCount).toBe(0);
  });

  it('should refuse cursors it did not issue and page sizes out of bounds with BAD_USER_INPUT', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const after of ['garbage', forged({ k: 'a' }), forged({ s: 'pol-00001', i: -1 }), forged({ s: 1, i: 0 }), forged({ s: 'x', i: 1.5 })]) {
      const r = await t.gql(PAGE, { first: 5, after }, officer);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    }
    for (const first of [0, -1, 1001]) expect(codes(await t.gql(PAGE, { first }, officer))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(PAGE, { filter: { serviceKey: 'nope' } }, officer))).toEqual(['NOT_FOUND']);
  });

  it('should refuse the plain list above the configured limit with RESULT_TOO_LARGE naming findingsConnection, and answer below it', async () => {
    const capped = await startTestServer(dialect, { CANOPY_MAX_LIST_RESULTS: '40' });
    try {
      await expectOk(capped.gql('mutation { createTeam(key: "bulk", name: "Bulk") { id } }'));
      const dpo = await capped.user('dpo@x.test', ['PRIVACY_OFFICER']);
      await bulkInsertCompliance(capped.server.db.dataSource, 'bulk', 12, 'dpo@x.test');
      await publishPolicy(capped, dpo, 'general', GLOBAL);
      const all = await capped.gql(PLAIN, {}, dpo);
      expect(codes(all)).toEqual(['RESULT_TOO_LARGE']);
      expect(all.errors![0].message).toMatch(/findingsConnection/);
      expect(all.errors![0].extensions!.limit).toBe(40);
      expect(all.data).toBeNull();

      const one = await expectOk(capped.gql(PLAIN, { key: 'pol-00001' }, dpo));
      expect(one.findings.length).toBeGreaterThan(0);
      expect(one.findings.length).toBeLessThanOrEqual(40);
      const paged = await expectOk(capped.gql(PAGE, { first: 1000 }, dpo));
      expect(paged.findingsConnection.totalCount).toBeGreaterThan(40);
    } finally {
      await capped.close();
    }
  });
});
