import { InventoryItemEntity, testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { expectOk, item, registerService, SET_INVENTORY, setInventory } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

const INVENTORY_AT = `query($k: String!, $at: DateTime) { service(key: $k) { inventory(at: $at) { id dataCategory purposes retentionDays validFrom validTo } } }`;

describe.each(testDialects())('service inventories on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, geo: ENGINEER, media: OTHER_ENGINEER, auditor: AUDITOR },
    services: [
      { key: 'maps', team: 'geo' },
      { key: 'moments', team: 'media' },
      { key: 'history', team: 'geo' },
    ],
  });
  const { as } = t;

  describe('setInventory', () => {
    it('should let an engineer of the owning team replace the inventory, and audit it on the service', async () => {
      const result = await setInventory(t, as.geo, 'maps', [
        item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'location', purposes: ['service.provide', 'service.provide'], dataSubjects: ['users'] }),
        item('device.log', { purposes: ['service.improve'], legalBasis: 'LEGITIMATE_INTEREST', retentionDays: null, encryption: 'IN_TRANSIT' }),
      ]);
      expect(result.inventory).toEqual([
        expect.objectContaining({ dataCategory: 'device.location', purposes: ['service.provide'], source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', dataSubjects: ['users'], validTo: null }),
        expect.objectContaining({ dataCategory: 'device.log', retentionDays: null, encryption: 'IN_TRANSIT', publiclyVisible: false, dataSubjects: [] }),
      ]);
      const events = await t.gql('{ auditEvents(filter: { entityType: "service", entityId: "maps", action: "inventory.replaced" }) { edges { node { actor { email } after } } } }', {}, as.geo);
      expect(events.data!.auditEvents.edges).toHaveLength(1);
      expect(events.data!.auditEvents.edges[0].node).toMatchObject({ actor: { email: 'geo@x.test' }, after: { added: 2, removed: 0, kept: 0 } });
    });

    it('should let an officer replace any inventory', async () => {
      const result = await setInventory(t, as.officer, 'moments', [item('user.content.image', { publiclyVisible: true })]);
      expect(result.inventory).toHaveLength(1);
    });

    it.each([
      ['an engineer of another team', () => as.media],
      ['an auditor', () => as.auditor],
      ['an admin', () => undefined],
    ])('should refuse %s with FORBIDDEN and write nothing', async (_who, token) => {
      await expectRefusal(t, 'FORBIDDEN', () => t.gql(SET_INVENTORY, { k: 'maps', items: [item('user.account')] }, token()));
    });

    it('should answer NOT_FOUND for an unknown service', async () => {
      expect(codeOf(await t.gql(SET_INVENTORY, { k: 'ghost', items: [item('user.account')] }, as.officer))).toBe('NOT_FOUND');
    });

    it.each([
      ['an unknown data category', [item('user.account'), item('device.gps')], 'items[1].dataCategory'],
      ['the wildcard as a category', [item('*')], 'items[0].dataCategory'],
      ['an unknown purpose', [item('user.account', { purposes: ['service.provide', 'advertising'] })], 'items[0].purposes'],
      ['no purpose at all', [item('user.account', { purposes: [] })], 'items[0].purposes'],
      ['a device permission without DEVICE_PERMISSION source', [item('device.camera', { source: 'AUTOMATIC', devicePermission: 'CAMERA' })], 'items[0].devicePermission'],
      ['a malformed device permission', [item('device.camera', { source: 'DEVICE_PERMISSION', devicePermission: 'camera roll!' })], 'items[0].devicePermission'],
      ['a negative retention', [item('user.account', { retentionDays: -1 })], 'items[0].retentionDays'],
      ['a blank data subject', [item('user.account', { dataSubjects: ['users', ' '] })], 'items[0].dataSubjects'],
      ['more than 500 items', Array.from({ length: 501 }, () => item('user.account')), 'items'],
    ])('should refuse %s with BAD_USER_INPUT naming the argument, and change nothing', async (_case, items, argument) => {
      const before = await tableCounts(t.server);
      const current = (await t.gql(INVENTORY_AT, { k: 'maps' }, as.auditor)).data!.service.inventory;
      const r = await t.gql(SET_INVENTORY, { k: 'maps', items }, as.geo);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(await tableCounts(t.server)).toEqual(before);
      expect((await t.gql(INVENTORY_AT, { k: 'maps' }, as.auditor)).data!.service.inventory).toEqual(current);
    });

    it('should name the unknown key in the error', async () => {
      const r = await t.gql(SET_INVENTORY, { k: 'maps', items: [item('device.gps')] }, as.geo);
      expect(r.errors![0].message).toContain('device.gps');
      expect(r.errors![0].extensions!.key).toBe('device.gps');
    });

    it.each([
      ['an unknown enum value', { ...item('user.account'), source: 'TELEPATHY' }],
      ['a retention that is not an integer', { ...item('user.account'), retentionDays: 1.5 }],
      ['a missing legal basis', { dataCategory: 'user.account', purposes: ['service.provide'], source: 'AUTOMATIC', encryption: 'NONE' }],
    ])('should refuse %s in variables with BAD_USER_INPUT and write nothing', async (_case, bad) => {
      await expectRefusal(t, 'BAD_USER_INPUT', () => t.gql(SET_INVENTORY, { k: 'maps', items: [bad] }, as.geo));
    });

    it('should write nothing and no audit event when the inventory is the same (purposes in any order)', async () => {
      await setInventory(t, as.geo, 'history', [item('user.account', { purposes: ['service.provide', 'security'] })]);
      const before = await tableCounts(t.server);
      await setInventory(t, as.geo, 'history', [item('user.account', { purposes: ['security', 'service.provide'] })]);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should empty an inventory with an empty list', async () => {
      await registerService(t, as.officer, 'empty-me', 'geo');
      await setInventory(t, as.geo, 'empty-me', [item('user.account')]);
      expect((await setInventory(t, as.geo, 'empty-me', [])).inventory).toEqual([]);
    });

    it('should keep every concurrent replacement whole: the result is one of them, never a mix', async () => {
      await registerService(t, as.officer, 'racy', 'geo');
      const sets = [
        [item('user.account'), item('user.contact.email')],
        [item('device.log'), item('device.identifier'), item('user.contact.phone')],
      ];
      await Promise.all(sets.map((items) => t.gql(SET_INVENTORY, { k: 'racy', items }, as.geo)));
      const categories = (await t.gql(INVENTORY_AT, { k: 'racy' }, as.auditor)).data!.service.inventory.map((i: { dataCategory: string }) => i.dataCategory);
      expect([sets[0].map((i) => i.dataCategory).sort(), sets[1].map((i) => i.dataCategory).sort()]).toContainEqual([...categories].sort());
    });
  });

  describe('inventory history', () => {
    it('should read the inventory as of any instant, closing changed rows and keeping unchanged ones', async () => {
      await registerService(t, as.officer, 'timeline', 'geo');
      const beforeAll = t.clock.iso();
      t.clock.advance(5);
      const first = await setInventory(t, as.geo, 'timeline', [item('user.account'), item('device.log', { retentionDays: 90 })]);
      t.clock.advance(5);
      const between = t.clock.iso();
      t.clock.advance(5);
      const second = await setInventory(t, as.geo, 'timeline', [item('user.account'), item('device.log', { retentionDays: 30 }), item('user.contact.email')]);

      const kept = first.inventory.find((i: { dataCategory: string }) => i.dataCategory === 'user.account');
      expect(second.inventory.find((i: { dataCategory: string }) => i.dataCategory === 'user.account')).toEqual(kept);

      const at = async (instant?: string) =>
        (await t.gql(INVENTORY_AT, { k: 'timeline', at: instant ?? null }, as.auditor)).data!.service.inventory.map(
          (i: { dataCategory: string; retentionDays: number }) => `${i.dataCategory}:${i.retentionDays}`,
        );
      expect(await at(beforeAll)).toEqual([]);
      expect(await at(between)).toEqual(['device.log:90', 'user.account:30']);
      expect(await at()).toEqual(['device.log:30', 'user.account:30', 'user.contact.email:30']);
      expect(await at(t.clock.iso(3600_000))).toEqual(await at());

      const rows = await t.server.db.manager.find(InventoryItemEntity, { where: { serviceId: (await t.server.application.services.byKey('timeline'))!.id } });
      expect(rows).toHaveLength(4);
      const closed = rows.filter((r) => r.validTo !== null);
      expect(closed.map((r) => `${r.dataCategory}:${r.retentionDays}`)).toEqual(['device.log:90']);
    });

    it('should answer an `at` of past inventories for many services in a constant number of statements', async () => {
      const query = `query($n: Int!, $at: DateTime) { services(first: $n) { edges { node { key inventory { dataCategory } past: inventory(at: $at) { dataCategory } } } } }`;
      const at = t.clock.iso();
      const small = await t.gql(query, { n: 2, at }, as.auditor);
      const large = await t.gql(query, { n: 50, at }, as.auditor);
      expect(large.errors).toBeUndefined();
      expect(large.statements).toBe(small.statements);
    });
  });

  it('should show the item with its service', async () => {
    const r = await expectOk(t.gql('{ service(key: "maps") { inventory { service { key } } } }', {}, as.auditor));
    expect(r.service.inventory[0].service.key).toBe('maps');
  });
});
