import { testDialects } from '@canopy/persistence';
import { LOCATION_ITEM } from '../../../testing/fixtures';
import { codeOf, tableCounts } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

/** checkServiceManifest (canopy check): findings of a proposed service, saving nothing. */
const CHECK = `query($input: ServiceManifestInput!) {
  checkServiceManifest(input: $input) { serviceKey registered findings { rule severity dataCategory accepted clause { policyKey value } } }
}`;

describe.each(testDialects())('manifest check on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, engineer: ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo', by: 'engineer' }],
    globalPolicy: [
      { topic: 'COLLECTION', subject: '*', value: 'CONSENT' },
      { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
    ],
  });
  const { as } = t;

  describe('checkServiceManifest', () => {
    it('should measure an unregistered service against the global policy, writing nothing', async () => {
      const before = await tableCounts(t.server);
      const r = await t.gql(CHECK, { input: { key: 'radar', inventory: [LOCATION_ITEM], sharing: [{ processorKey: 'nobody', dataCategories: ['user.contact.email'], purposes: ['service.provide'], legalBasis: 'CONSENT' }] } }, as.engineer);
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
      await t.gql('mutation($i: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $i) { key } }', { i: [LOCATION_ITEM] }, as.engineer);
      const r = await t.gql(CHECK, { input: { key: 'maps' } }, as.auditor);
      expect(r.data!.checkServiceManifest.registered).toBe(true);
      expect(r.data!.checkServiceManifest.findings.map((f: any) => f.rule)).toEqual(['COLLECTION_WITHOUT_CONSENT']);
      const fixed = await t.gql(CHECK, { input: { key: 'maps', inventory: [{ ...LOCATION_ITEM, legalBasis: 'CONSENT' }] } }, as.engineer);
      expect(fixed.data!.checkServiceManifest.findings).toEqual([]);
    });

    it.each([
      ['an unknown category', { inventory: [{ ...LOCATION_ITEM, dataCategory: 'device.gps' }] }, 'inventory[0].dataCategory'],
      ['an item without purposes', { inventory: [LOCATION_ITEM, { ...LOCATION_ITEM, purposes: [] }] }, 'inventory[1].purposes'],
      ['an unknown shared purpose', { inventory: [], sharing: [{ processorKey: 'x', dataCategories: ['device.location'], purposes: ['sell'], legalBasis: 'CONSENT' }] }, 'sharing[0].purposes'],
    ])('should refuse %s with BAD_USER_INPUT naming its path', async (_what, input, argument) => {
      const r = await t.gql(CHECK, { input: { key: 'radar', ...input } }, as.engineer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(r.errors![0].message.startsWith(argument)).toBe(true);
    });

    it('should need a signed-in caller', async () => {
      expect(codeOf(await t.gql(CHECK, { input: { key: 'radar', inventory: [] } }, {}))).toBe('UNAUTHENTICATED');
    });
  });
});
