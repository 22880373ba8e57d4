import { testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, TestServer } from '../../../testing/test-server';

/**
 * recordOfProcessing: who may read it and what it refuses (its contents,
 * in both formats and as of past instants, are covered end to end by
 * apps/cli's integration tests).
 */
const ITEM = {
  dataCategory: 'device.location',
  purposes: ['service.provide'],
  source: 'DEVICE_PERMISSION',
  legalBasis: 'CONTRACT',
  retentionDays: 30,
  encryption: 'AT_REST_AND_IN_TRANSIT',
  dataSubjects: ['customers'],
};

describe.each(testDialects())('record of processing on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let engineer: string;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    for (const key of ['geo', 'media']) await t.gql(`mutation { createTeam(key: "${key}", name: "${key}") { id } }`);
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    engineer = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    auditor = await t.user('aud@x.test', ['AUDITOR']);
    await t.gql('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "geo" }) { key } }', {}, engineer);
    await t.gql('mutation($i: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $i) { key } }', { i: [ITEM] }, engineer);
    await t.gql('mutation { setSecurityMeasures(serviceKey: "maps", measures: ["Encryption at rest"]) { key } }', {}, engineer);
  });
  afterAll(() => t.close());

  describe('recordOfProcessing', () => {
    const ROPA = 'query($at: DateTime) { recordOfProcessing(at: $at) { at homeRegion { name } activities { serviceKey purpose dataSubjects securityMeasures } } }';

    it.each([
      ['an auditor', () => auditor],
      ['a privacy officer', () => officer],
      ['an admin', () => undefined],
    ])('should be readable by %s', async (_who, token) => {
      const r = await t.gql(ROPA, {}, token());
      expect(r.errors).toBeUndefined();
      expect(r.data!.recordOfProcessing.activities).toEqual([
        { serviceKey: 'maps', purpose: 'service.provide', dataSubjects: ['customers'], securityMeasures: ['Encryption at rest'] },
      ]);
    });

    it('should refuse engineers with FORBIDDEN', async () => {
      expect(codeOf(await t.gql(ROPA, {}, engineer))).toBe('FORBIDDEN');
    });

    it('should refuse an instant in the future', async () => {
      const r = await t.gql(ROPA, { at: new Date(Date.now() + 86_400_000).toISOString() }, auditor);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });
  });
});
