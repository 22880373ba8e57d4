import { testDialects } from '@canopy/persistence';
import { startTestServer, tableCounts, TestServer } from '../../../testing/test-server';

const IMPACT = `{ policy(key: "general") { draft { number impact {
  servicesAffected noticeRequired noticeDays earliestEffectiveAt
  services { service { key } changes { topic subject before after beforeSource afterSource pendingReviewAfter } conflictsOpening { subject carriedForward } }
  conflictsOpening { service { key } topic subject globalValue serviceValue carriedForward }
  conflictsSuperseded { id subject status }
} } } }`;

describe.each(testDialects())('impact preview of a draft on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  const draft = (policyKey: string, clauses: object[]) =>
    t.gql('mutation($k: String!, $c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $k, clauses: $c }) { number } }', { k: policyKey, c: clauses }, officer);
  const publish = (policyKey: string, number: number) =>
    t.gql('mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number } }', { k: policyKey, n: number, at: new Date().toISOString() }, officer);

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    for (const key of ['maps', 'tiles', 'plain']) {
      await t.gql(`mutation { registerService(input: { key: "${key}", name: "${key}", teamKey: "geo" }) { id } }`, {}, officer);
    }
    await t.gql('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { id } }', {}, officer);
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }, { topic: 'RETENTION', subject: 'device.log', value: '90' }]);
    await publish('general', 1);
    for (const key of ['maps', 'tiles']) {
      await t.gql(`mutation { createPolicy(input: { key: "${key}-policy", title: "x", scope: SERVICE, serviceKey: "${key}" }) { id } }`, {}, officer);
    }
    await draft('maps-policy', [{ topic: 'RETENTION', subject: 'device.log', value: '60' }]);
    await publish('maps-policy', 1);
    await draft('tiles-policy', [{ topic: 'SHARING', subject: 'device.log:third_party', value: 'ALLOWED' }]);
    await publish('tiles-policy', 1);
    const inventory = await t.gql(
      'mutation($items: [InventoryItemInput!]!) { setInventory(serviceKey: "plain", items: $items) { key } }',
      { items: [{ dataCategory: 'device.log', purposes: ['service.improve'], source: 'AUTOMATIC', legalBasis: 'LEGITIMATE_INTEREST', retentionDays: 60, encryption: 'AT_REST_AND_IN_TRANSIT' }] },
      officer,
    );
    if (inventory.errors) throw new Error(JSON.stringify(inventory.errors));
  });
  afterAll(() => t.close());

  it('should tell, without writing anything, which effective clauses change, which conflicts open and which are superseded', async () => {
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }, { topic: 'RETENTION', subject: 'device.log', value: '30' }]);
    const before = await tableCounts(t.server);
    const r = await t.gql(IMPACT, {}, officer);
    expect(r.errors).toBeUndefined();
    const impact = r.data!.policy.draft.impact;
    expect(await tableCounts(t.server)).toEqual(before);

    const byKey = Object.fromEntries(impact.services.map((s: { service: { key: string } }) => [s.service.key, s]));
    // maps' own 60 days was stricter than 90; against 30 it is weaker: a conflict would open and 30 applies pending review.
    expect(byKey.maps.changes).toEqual([
      { topic: 'RETENTION', subject: 'device.log', before: '60', after: '30', beforeSource: 'SERVICE', afterSource: 'GLOBAL', pendingReviewAfter: true },
    ]);
    expect(byKey.plain.changes).toEqual([expect.objectContaining({ subject: 'device.log', before: '90', after: '30', afterSource: 'GLOBAL', pendingReviewAfter: false })]);
    expect(impact.servicesAffected).toBe(3);
    expect(impact.conflictsOpening).toEqual(
      expect.arrayContaining([
        { service: { key: 'maps' }, topic: 'RETENTION', subject: 'device.log', globalValue: '30', serviceValue: '60', carriedForward: false },
        { service: { key: 'tiles' }, topic: 'SHARING', subject: 'device.log:third_party', globalValue: 'CONSENT', serviceValue: 'ALLOWED', carriedForward: false },
      ]),
    );
    expect(impact.conflictsSuperseded.map((c: { subject: string }) => c.subject)).toEqual(['device.log:third_party']);
    expect(impact).toMatchObject({ noticeRequired: false, earliestEffectiveAt: null, noticeDays: 30 });
  });

  it('should list the findings that would appear and disappear per service', async () => {
    const r = await t.gql(`{ policy(key: "general") { draft { impact { findingsAppearing findingsDisappearing
      services { service { key } findingsAppearing { rule dataCategory severity } findingsDisappearing { rule } } } } } }`, {}, officer);
    const impact = r.data!.policy.draft.impact;
    const plain = impact.services.find((s: { service: { key: string } }) => s.service.key === 'plain');
    // 60 days were within 90; against 30 they exceed the limit.
    expect(plain.findingsAppearing).toEqual([{ rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', severity: 'MEDIUM' }]);
    expect(plain.findingsDisappearing).toEqual([]);
    expect(impact.findingsAppearing).toBeGreaterThanOrEqual(1);
  });

  it('should show a resolution that would carry forward, and the notice a reduction needs', async () => {
    const open = await t.gql('{ conflicts(status: OPEN) { id subject } }', {}, officer);
    const id = open.data!.conflicts.find((c: { subject: string }) => c.subject === 'device.log:third_party').id;
    await t.gql('mutation($id: ID!) { resolveConflict(input: { conflictId: $id, resolution: SERVICE_PREVAILS, rationale: "ok" }) { id } }', { id }, officer);
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }]);
    const impact = (await t.gql(IMPACT, {}, officer)).data!.policy.draft.impact;
    expect(impact.conflictsOpening).toEqual([expect.objectContaining({ subject: 'device.log:third_party', carriedForward: true })]);
    expect(impact.noticeRequired).toBe(true);
    expect(new Date(impact.earliestEffectiveAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it('should say which service clauses a newly locked global clause would override, opening no conflict for them', async () => {
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT', locked: true }]);
    const r = await t.gql('{ policy(key: "general") { draft { impact { lockedOverrides { service { key } topic subject serviceValue globalValue } conflictsOpening { subject } } } } }', {}, officer);
    const impact = r.data!.policy.draft.impact;
    expect(impact.lockedOverrides).toEqual([{ service: { key: 'tiles' }, topic: 'SHARING', subject: 'device.log:third_party', serviceValue: 'ALLOWED', globalValue: 'CONSENT' }]);
    expect(impact.conflictsOpening).toEqual([]);
  });

  it('should be null on a published version', async () => {
    const r = await t.gql('{ policy(key: "general") { versions { number status impact { servicesAffected } } } }', {}, officer);
    expect(r.data!.policy.versions[0]).toEqual({ number: 1, status: 'PUBLISHED', impact: null });
  });
});
