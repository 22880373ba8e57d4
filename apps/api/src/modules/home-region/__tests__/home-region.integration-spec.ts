import { testDialects } from '@canopy/persistence';
import { codeOf, tableCounts } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

/** The organisation's home region: a setting with history, officers only, audited. */
const HEAD = '{ verifyAuditLog { headSeq } }';

describe.each(testDialects())('home region on %s', (dialect) => {
  const t = useWorld(dialect, { teams: ['geo', 'media'], people: { officer: OFFICER, engineer: ENGINEER, auditor: AUDITOR }, services: [{ key: 'maps', team: 'geo', by: 'engineer' }] });
  const { as } = t;
  const head = async () => (await t.gql(HEAD)).data!.verifyAuditLog.headSeq as number;

  describe('home region', () => {
    const SET = 'mutation($n: String!, $c: [String!]!) { setHomeRegion(input: { name: $n, countries: $c }) { name countries isDefault validFrom } }';

    it('should default to the EEA until an officer sets it', async () => {
      const r = await t.gql('{ homeRegion { name isDefault validFrom countries } }', {}, as.engineer);
      expect(r.data!.homeRegion).toEqual(expect.objectContaining({ name: 'EEA', isDefault: true, validFrom: null }));
      expect(r.data!.homeRegion.countries).toHaveLength(30);
    });

    it('should refuse engineers and auditors with FORBIDDEN, writing nothing', async () => {
      const before = await tableCounts(t.server);
      for (const token of [as.engineer, as.auditor]) expect(codeOf(await t.gql(SET, { n: 'X', c: ['DE'] }, token))).toBe('FORBIDDEN');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse an unknown country code with BAD_USER_INPUT naming it', async () => {
      const r = await t.gql(SET, { n: 'Home', c: ['DE', 'ZZ'] }, as.officer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe('input.countries[1]');
    });

    it('should let an officer set it, audited once; the same region again writes nothing; earlier instants keep the old one', async () => {
      const before = await head();
      t.clock.advance(5);
      const earlier = t.clock.iso();
      t.clock.advance(5);
      const r = await t.gql(SET, { n: 'EEA and Switzerland', c: ['EEA', 'ch'] }, as.officer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.setHomeRegion).toEqual(expect.objectContaining({ name: 'EEA and Switzerland', isDefault: false }));
      expect(r.data!.setHomeRegion.countries).toContain('CH');
      expect(await head()).toBe(before + 1);
      const event = (await t.gql('{ auditEvents(filter: { action: "settings.home_region_set" }) { edges { node { entityType entityId before after actor { email } } } } }')).data!.auditEvents.edges;
      expect(event).toHaveLength(1);
      expect(event[0].node).toEqual(expect.objectContaining({ entityType: 'setting', entityId: 'home_region', actor: { email: 'dpo@x.test' } }));
      expect(event[0].node.before).toEqual(expect.objectContaining({ name: 'EEA', isDefault: true }));

      await t.gql(SET, { n: 'EEA and Switzerland', c: ['CH', 'EEA'] }, as.officer);
      expect(await head()).toBe(before + 1);
      expect((await t.gql('query($at: DateTime) { homeRegion(at: $at) { name } }', { at: earlier })).data!.homeRegion.name).toBe('EEA');
    });
  });
});
