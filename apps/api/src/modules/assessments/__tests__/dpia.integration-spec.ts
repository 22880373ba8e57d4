import { testDialects } from '@canopy/persistence';
import type { TestServer } from '../../../testing/test-server';
import { expectOk, geoWorld, item, propose, registerProcessor, registerService, setInventory, SUBMIT } from '../../findings/__tests__/compliance-fixtures';

/** Service.dpia: the domain's rule over the service's current inventory and arrangements, batched for a page of services. */
const DPIA = 'query($k: String!) { service(key: $k) { dpia { required reasons } } }';

describe.each(testDialects())('Service.dpia on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let geo: string;
  const dpia = async (key: string) => (await expectOk(t.gql(DPIA, { k: key }, geo))).service.dpia;

  beforeAll(async () => {
    ({ t, officer, geo } = await geoWorld(dialect));
    await registerService(t, officer, 'plain', 'geo');
    await setInventory(t, geo, 'plain', [item('user.account')]);
    await registerService(t, officer, 'maps', 'geo');
    await setInventory(t, geo, 'maps', [item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION' })]);
    await registerService(t, officer, 'kids', 'geo', true);
    await setInventory(t, geo, 'kids', [item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', purposes: ['personalize'] })]);
  });
  afterAll(() => t.close());

  it('should not require a DPIA without criteria, nor for one criterion alone, listing it', async () => {
    expect(await dpia('plain')).toEqual({ required: false, reasons: [] });
    expect(await dpia('maps')).toEqual({ required: false, reasons: ['sensitive data: the service collects device.location'] });
  });

  it('should require one for two or more criteria, each met as a sentence', async () => {
    expect(await dpia('kids')).toEqual({
      required: true,
      reasons: [
        'sensitive data: the service collects device.location',
        'vulnerable data subjects: the service serves minors',
        'evaluation or scoring: the service uses device.location for personalize',
      ],
    });
  });

  it('should count a proposed transfer of sensitive data outside the home region, not a draft', async () => {
    await registerProcessor(t, officer, 'tiles', { country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
    const draft = await propose(t, geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.location'], purposes: ['service.provide'] });
    expect((await dpia('maps')).required).toBe(false);
    await expectOk(t.gql(SUBMIT, { id: draft.id, v: draft.version }, geo));
    expect(await dpia('maps')).toEqual({
      required: true,
      reasons: ['sensitive data: the service collects device.location', 'transfer outside the home region: sensitive device.location (to US) leaves EEA'],
    });
  });

  it('should answer for a page of services in a constant number of statements', async () => {
    for (let i = 0; i < 6; i++) {
      await registerService(t, officer, `more-${i}`, 'geo', i % 2 === 0);
      await setInventory(t, geo, `more-${i}`, [item('device.location', { source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION' }), item('user.account')]);
    }
    const query = 'query($n: Int!) { services(first: $n) { edges { node { key dpia { required reasons } } } } }';
    const small = await t.gql(query, { n: 2 }, geo);
    const large = await t.gql(query, { n: 9 }, geo);
    expect(large.errors).toBeUndefined();
    expect(large.data!.services.edges.filter((e: any) => e.node.dpia.required).map((e: any) => e.node.key)).toEqual(['kids', 'maps', 'more-0', 'more-2', 'more-4']);
    expect(large.statements).toBe(small.statements);
  });
});
