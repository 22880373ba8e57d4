import { testDialects } from '@canopy/persistence';
import { codeOf, tableCounts } from '../../../testing/test-server';
import { expectOk, item, registerService } from '../../../testing/fixtures';
import { ENGINEER, OFFICER, useWorld } from '../../../testing/world';

const FIELDS = 'dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects';
const READ = `query($k: String!) { service(key: $k) { inventoryVersion inventory { ${FIELDS} } } }`;
const SET = `mutation($k: String!, $items: [InventoryItemInput!]!, $v: Int) {
  setInventory(serviceKey: $k, items: $items, expectedVersion: $v) { inventoryVersion version inventory { ${FIELDS} } }
}`;

describe.each(testDialects())('setInventory with expectedVersion on %s', (dialect) => {
  const t = useWorld(dialect, { teams: ['geo'], people: { officer: OFFICER, geo: ENGINEER } });
  const { as } = t;

  const read = async (key: string) => (await expectOk(t.gql(READ, { k: key }, as.officer))).service;

  it('should count replacements that change something, and leave the service version alone', async () => {
    await registerService(t, as.officer, 'counted', 'geo');
    expect((await read('counted')).inventoryVersion).toBe(0);
    const first = (await expectOk(t.gql(SET, { k: 'counted', items: [item('user.account')], v: 0 }, as.geo))).setInventory;
    expect(first).toMatchObject({ inventoryVersion: 1, version: 1 });
    // The same list again changes nothing: no new inventory version.
    expect((await expectOk(t.gql(SET, { k: 'counted', items: [item('user.account')], v: 1 }, as.geo))).setInventory.inventoryVersion).toBe(1);
    expect((await expectOk(t.gql(SET, { k: 'counted', items: [], v: 1 }, as.geo))).setInventory.inventoryVersion).toBe(2);
    // Without expectedVersion (the CLI's apply), it replaces whatever is there and still counts.
    expect((await expectOk(t.gql(SET, { k: 'counted', items: [item('device.log')] }, as.geo))).setInventory.inventoryVersion).toBe(3);
  });

  it('should refuse a stale expectedVersion with VERSION_CONFLICT and change nothing', async () => {
    await registerService(t, as.officer, 'stale', 'geo');
    await expectOk(t.gql(SET, { k: 'stale', items: [item('user.account')], v: 0 }, as.geo));
    const before = await tableCounts(t.server);
    const r = await t.gql(SET, { k: 'stale', items: [item('device.log')], v: 0 }, as.officer);
    expect(codeOf(r)).toBe('VERSION_CONFLICT');
    expect(r.errors![0].extensions!.currentVersion).toBe(1);
    expect(await tableCounts(t.server)).toEqual(before);
    expect(await read('stale')).toMatchObject({ inventoryVersion: 1, inventory: [expect.objectContaining({ dataCategory: 'user.account' })] });
  });

  it('should let exactly one of two editors who read the same version win', async () => {
    await registerService(t, as.officer, 'raced', 'geo');
    const results = await Promise.all([
      t.gql(SET, { k: 'raced', items: [item('user.account')], v: 0 }, as.geo),
      t.gql(SET, { k: 'raced', items: [item('device.log'), item('device.identifier')], v: 0 }, as.officer),
    ]);
    expect(results.map((r) => codeOf(r) ?? 'ok').sort()).toEqual(['VERSION_CONFLICT', 'ok']);
    const winner = results.find((r) => !r.errors)!.data!.setInventory;
    expect(await read('raced')).toEqual({ inventoryVersion: 1, inventory: winner.inventory });
  });

  it('should refuse a negative expectedVersion with BAD_USER_INPUT, and FORBIDDEN comes first', async () => {
    await registerService(t, as.officer, 'checked', 'geo');
    const bad = await t.gql(SET, { k: 'checked', items: [item('user.account')], v: -1 }, as.geo);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.argument).toBe('expectedVersion');
    const media = await t.user('media@x.test', ['ENGINEER']);
    expect(codeOf(await t.gql(SET, { k: 'checked', items: [item('user.account')], v: 7 }, media))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SET, { k: 'ghost', items: [item('user.account')], v: 7 }, as.geo))).toBe('NOT_FOUND');
  });

  it('should keep every field of the items sent back unchanged when one field of one item changes', async () => {
    await registerService(t, as.officer, 'kept', 'geo');
    const location = item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', dataSubjects: ['drivers', 'passengers'], retentionDays: 7 });
    const email = item('user.contact.email', { purposes: ['service.provide', 'marketing.email'], dataSubjects: ['customers'], publiclyVisible: false, encryption: 'IN_TRANSIT' });
    await expectOk(t.gql(SET, { k: 'kept', items: [location, email], v: 0 }, as.geo));
    const read1 = await read('kept');
    // An editor sends back what it read, with one field of one item changed.
    const edited = read1.inventory.map((i: typeof location) => (i.dataCategory === 'device.location' ? { ...i, retentionDays: 14 } : i));
    const after = (await expectOk(t.gql(SET, { k: 'kept', items: edited, v: read1.inventoryVersion }, as.geo))).setInventory;
    expect(after.inventory).toEqual(edited);
    expect(after.inventory.find((i: typeof email) => i.dataCategory === 'user.contact.email')).toEqual({ ...email, devicePermission: null });
  });
});
