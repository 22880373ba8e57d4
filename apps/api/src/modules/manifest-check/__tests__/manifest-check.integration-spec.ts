import { testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, tableCounts, TestServer } from '../../../testing/test-server';

/** checkServiceManifest (canopy check): findings of a proposed service, saving nothing. */
const ITEM = {
  dataCategory: 'device.location',
  purposes: ['service.provide'],
  source: 'DEVICE_PERMISSION',
  legalBasis: 'CONTRACT',
  retentionDays: 30,
  encryption: 'AT_REST_AND_IN_TRANSIT',
  dataSubjects: ['customers'],
};
const CHECK = `query($input: ServiceManifestInput!) {
  checkServiceManifest(input: $input) { serviceKey registered findings { rule severity dataCategory accepted clause { policyKey value } } }
}`;

describe.each(testDialects())('manifest check on %s', (dialect) => {
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
    await t.gql('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { key } }', {}, officer);
    await t.gql(
      'mutation { draftPolicyVersion(input: { policyKey: "general", clauses: [{ topic: COLLECTION, subject: "*", value: "CONSENT" }, { topic: USE, subject: "*:*", value: "ALLOWED" }] }) { number } }',
      {},
      officer,
    );
    const published = await t.gql('mutation($at: DateTime!) { publishPolicyVersion(input: { policyKey: "general", number: 1, effectiveAt: $at }) { number } }', { at: new Date().toISOString() }, officer);
    expect(published.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  describe('checkServiceManifest', () => {
    it('should measure an unregistered service against the global policy, writing nothing', async () => {
      const before = await tableCounts(t.server);
      const r = await t.gql(CHECK, { input: { key: 'radar', inventory: [ITEM], sharing: [{ processorKey: 'nobody', dataCategories: ['user.contact.email'], purposes: ['service.provide'], legalBasis: 'CONSENT' }] } }, engineer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.checkServiceManifest).toEqual({
        serviceKey: 'radar',
        registered: false,
        findings: [
          { rule: 'COLLECTION_WITHOUT_CONSENT', severity: 'HIGH', dataCategory: 'device.location', accepted: false, clause: { policyKey: 'general', value: 'CONSENT' } },
          { rule: 'SHARING_UNDECLARED_CATEGORY', severity: 'MEDIUM', dataCategory: 'user.contact.email', accepted: false, clause: null },
        ],
      });
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it("should use a registered service's stored inventory when the manifest gives none", async () => {
      await t.gql('mutation($i: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $i) { key } }', { i: [ITEM] }, engineer);
      const r = await t.gql(CHECK, { input: { key: 'maps' } }, auditor);
      expect(r.data!.checkServiceManifest.registered).toBe(true);
      expect(r.data!.checkServiceManifest.findings.map((f: any) => f.rule)).toEqual(['COLLECTION_WITHOUT_CONSENT']);
      const fixed = await t.gql(CHECK, { input: { key: 'maps', inventory: [{ ...ITEM, legalBasis: 'CONSENT' }] } }, engineer);
      expect(fixed.data!.checkServiceManifest.findings).toEqual([]);
    });

    it.each([
      ['an unknown category', { inventory: [{ ...ITEM, dataCategory: 'device.gps' }] }, 'inventory[0].dataCategory'],
      ['an item without purposes', { inventory: [ITEM, { ...ITEM, purposes: [] }] }, 'inventory[1].purposes'],
      ['an unknown shared purpose', { inventory: [], sharing: [{ processorKey: 'x', dataCategories: ['device.location'], purposes: ['sell'], legalBasis: 'CONSENT' }] }, 'sharing[0].purposes'],
    ])('should refuse %s with BAD_USER_INPUT naming its path', async (_what, input, argument) => {
      const r = await t.gql(CHECK, { input: { key: 'radar', ...input } }, engineer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(r.errors![0].message.startsWith(argument)).toBe(true);
    });

    it('should need a signed-in caller', async () => {
      expect(codeOf(await t.gql(CHECK, { input: { key: 'radar', inventory: [] } }, {}))).toBe('UNAUTHENTICATED');
    });
  });
});
