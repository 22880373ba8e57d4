import { testDialects } from '@canopy/persistence';
import { readOrganisationFacts } from '../../common/organisation-facts';
import { startTestServer, TestServer } from '../../testing/test-server';

const organisationFactsOf = (t: TestServer) => readOrganisationFacts(t.server.db.manager, t.server.application.findings.settingKeys);

/**
 * The per-request memory guard (docs/reliability.md): with the heap above
 * CANOPY_HEAP_CEILING_PERCENT of its limit, a query is refused with
 * SERVICE_UNAVAILABLE, HTTP 503 and Retry-After instead of allocating on;
 * mutations still run (a refusal must not cut one off half-way).
 */
describe.each(testDialects())('memory guard on %s', (dialect) => {
  let t: TestServer;

  afterEach(async () => {
    await t.close();
  });

  it('should refuse queries with SERVICE_UNAVAILABLE and 503 while the heap is over its ceiling, and let mutations through', async () => {
    // 1% of the heap limit: any running process is over it.
    t = await startTestServer(dialect, { CANOPY_HEAP_CEILING_PERCENT: '1' });
    const r = await t.gql('{ findingsConnection(first: 5) { edges { node { rule } } } }');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(r.errors![0].message).toMatch(/short of memory/);
    const created = await t.gql('mutation { createTeam(key: "ops", name: "Ops") { key } }');
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTeam.key).toBe('ops');
  });

  it('should stop a findings walk between two chunks of services when the heap is over its ceiling', async () => {
    t = await startTestServer(dialect, { CANOPY_HEAP_CEILING_PERCENT: '1' });
    await t.gql('mutation { createTeam(key: "ops", name: "Ops") { key } }');
    const officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    const registered = await t.gql('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "ops" }) { key } }', {}, officer);
    expect(registered.errors).toBeUndefined();
    await expect(t.server.application.findingsPager.count(null, {}, new Date(), await organisationFactsOf(t))).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('should answer queries under the default ceiling', async () => {
    t = await startTestServer(dialect);
    const r = await t.gql('{ findingsConnection(first: 5) { edges { node { rule } } } }');
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
  });
});
