import { testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

/** A service's security measures: owning team and officers, audited, kept as history. */
const HEAD = '{ verifyAuditLog { headSeq } }';

describe.each(testDialects())('security measures on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, engineer: ENGINEER, stranger: OTHER_ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo', by: 'engineer' }],
  });
  const { as } = t;
  const head = async () => (await t.gql(HEAD)).data!.verifyAuditLog.headSeq as number;

  describe('security measures', () => {
    const SET = 'mutation($k: String!, $m: [String!]!) { setSecurityMeasures(serviceKey: $k, measures: $m) { key securityMeasures } }';

    it("should let the owning team set them, audited, keeping the order and folding repeats", async () => {
      const before = await head();
      const r = await t.gql(SET, { k: 'maps', m: ['  TLS 1.3  everywhere ', 'Quarterly access review', 'TLS 1.3 everywhere'] }, as.engineer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.setSecurityMeasures.securityMeasures).toEqual(['TLS 1.3 everywhere', 'Quarterly access review']);
      expect(await head()).toBe(before + 1);
    });

    it('should write nothing when the list is the same', async () => {
      const before = await tableCounts(t.server);
      const seq = await head();
      await t.gql(SET, { k: 'maps', m: ['TLS 1.3 everywhere', 'Quarterly access review'] }, as.engineer);
      expect(await tableCounts(t.server)).toEqual(before);
      expect(await head()).toBe(seq);
    });

    it('should keep the measures of earlier instants', async () => {
      t.clock.advance(5);
      const earlier = t.clock.iso();
      t.clock.advance(5);
      await t.gql(SET, { k: 'maps', m: ['Encryption at rest'] }, as.officer);
      const r = await t.gql('query($at: DateTime) { service(key: "maps") { now: securityMeasures then: securityMeasures(at: $at) } }', { at: earlier });
      expect(r.data!.service).toEqual({ now: ['Encryption at rest'], then: ['TLS 1.3 everywhere', 'Quarterly access review'] });
    });

    it.each([
      ['an engineer of another team', () => as.stranger, ['x'], 'FORBIDDEN'],
      ['an auditor', () => as.auditor, ['x'], 'FORBIDDEN'],
      ['a blank measure', () => as.engineer, ['ok', '  '], 'BAD_USER_INPUT'],
      ['51 measures', () => as.engineer, Array.from({ length: 51 }, (_, i) => `m${i}`), 'BAD_USER_INPUT'],
    ])('should refuse %s', async (_what, token, measures, code) => {
      await expectRefusal(t, code, () => t.gql(SET, { k: 'maps', m: measures }, token()));
    });

    it('should say NOT_FOUND for an unknown service', async () => {
      expect(codeOf(await t.gql(SET, { k: 'nowhere', m: [] }, as.officer))).toBe('NOT_FOUND');
    });
  });
});
