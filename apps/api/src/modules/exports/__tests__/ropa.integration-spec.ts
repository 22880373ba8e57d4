import { testDialects } from '@canopy/persistence';
import { LOCATION_ITEM } from '../../../testing/fixtures';
import { codeOf } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

/**
 * recordOfProcessing: who may read it and what it refuses (its contents,
 * in both formats and as of past instants, are covered end to end by
 * apps/cli's integration tests).
 */

describe.each(testDialects())('record of processing on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, engineer: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo', by: 'engineer' }],
    inventory: { maps: [LOCATION_ITEM] },
  });
  const { as } = t;

  beforeAll(() => t.gql('mutation { setSecurityMeasures(serviceKey: "maps", measures: ["Encryption at rest"]) { key } }', {}, as.engineer));

  describe('recordOfProcessing', () => {
    const ROPA = 'query($at: DateTime) { recordOfProcessing(at: $at) { at homeRegion { name } activities { serviceKey purpose dataSubjects securityMeasures } } }';

    it.each([
      ['an auditor', () => as.auditor],
      ['a privacy officer', () => as.officer],
      ['an admin', () => undefined],
    ])('should be readable by %s', async (_who, token) => {
      const r = await t.gql(ROPA, {}, token());
      expect(r.errors).toBeUndefined();
      expect(r.data!.recordOfProcessing.activities).toEqual([
        { serviceKey: 'maps', purpose: 'service.provide', dataSubjects: ['customers'], securityMeasures: ['Encryption at rest'] },
      ]);
    });

    it('should refuse engineers with FORBIDDEN', async () => {
      expect(codeOf(await t.gql(ROPA, {}, as.engineer))).toBe('FORBIDDEN');
    });

    it('should refuse an instant in the future', async () => {
      const r = await t.gql(ROPA, { at: new Date(Date.now() + 86_400_000).toISOString() }, as.auditor);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });
  });
});
