import { testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, tableCounts, TestServer } from '../../../testing/test-server';

/** A service's security measures: owning team and officers, audited, kept as history. */
const HEAD = '{ verifyAuditLog { headSeq } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDialects())('security measures on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let engineer: string;
  let stranger: string;
  let auditor: string;
  const head = async () => (await t.gql(HEAD)).data!.verifyAuditLog.headSeq as number;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    for (const key of ['geo', 'media']) await t.gql(`mutation { createTeam(key: "${key}", name: "${key}") { id } }`);
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    engineer = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    stranger = await t.user('media@x.test', ['ENGINEER'], ['media']);
    auditor = await t.user('aud@x.test', ['AUDITOR']);
    await t.gql('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "geo" }) { key } }', {}, engineer);
  });
  afterAll(() => t.close());

  describe('security measures', () => {
    const SET = 'mutation($k: String!, $m: [String!]!) { setSecurityMeasures(serviceKey: $k, measures: $m) { key securityMeasures } }';

    it("should let the owning team set them, audited, keeping the order and folding repeats", async () => {
      const before = await head();
      const r = await t.gql(SET, { k: 'maps', m: ['  TLS 1.3  everywhere ', 'Quarterly access review', 'TLS 1.3 everywhere'] }, engineer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.setSecurityMeasures.securityMeasures).toEqual(['TLS 1.3 everywhere', 'Quarterly access review']);
      expect(await head()).toBe(before + 1);
    });

    it('should write nothing when the list is the same', async () => {
      const before = await tableCounts(t.server);
      const seq = await head();
      await t.gql(SET, { k: 'maps', m: ['TLS 1.3 everywhere', 'Quarterly access review'] }, engineer);
      expect(await tableCounts(t.server)).toEqual(before);
      expect(await head()).toBe(seq);
    });

    it('should keep the measures of earlier instants', async () => {
      await sleep(5);
      const earlier = new Date().toISOString();
      await sleep(5);
      await t.gql(SET, { k: 'maps', m: ['Encryption at rest'] }, officer);
      const r = await t.gql('query($at: DateTime) { service(key: "maps") { now: securityMeasures then: securityMeasures(at: $at) } }', { at: earlier });
      expect(r.data!.service).toEqual({ now: ['Encryption at rest'], then: ['TLS 1.3 everywhere', 'Quarterly access review'] });
    });

    it.each([
      ['an engineer of another team', () => stranger, ['x'], 'FORBIDDEN'],
      ['an auditor', () => auditor, ['x'], 'FORBIDDEN'],
      ['a blank measure', () => engineer, ['ok', '  '], 'BAD_USER_INPUT'],
      ['51 measures', () => engineer, Array.from({ length: 51 }, (_, i) => `m${i}`), 'BAD_USER_INPUT'],
    ])('should refuse %s', async (_what, token, measures, code) => {
      const before = await tableCounts(t.server);
      expect(codeOf(await t.gql(SET, { k: 'maps', m: measures }, token()))).toBe(code);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should say NOT_FOUND for an unknown service', async () => {
      expect(codeOf(await t.gql(SET, { k: 'nowhere', m: [] }, officer))).toBe('NOT_FOUND');
    });
  });
});
