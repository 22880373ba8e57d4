import { testDialects } from '@canopy/persistence';
import { item, policySteps, publishPolicy } from '../../../testing/fixtures';
import { tableCounts } from '../../../testing/test-server';
import { OFFICER, useWorld } from '../../../testing/world';

const IMPACT = `{ policy(key: "general") { draft { number impact {
  servicesAffected noticeRequired noticeDays earliestEffectiveAt
  services { service { key } changes { topic subject before after beforeSource afterSource pendingReviewAfter } conflictsOpening { subject carriedForward } }
  conflictsOpening { service { key } topic subject globalValue serviceValue carriedForward }
  conflictsSuperseded { id subject status }
} } } }`;

describe.each(testDialects())('impact preview of a draft on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER },
    services: ['maps', 'tiles', 'plain'].map((key) => ({ key, team: 'geo' })),
    globalPolicy: [
      { topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' },
      { topic: 'RETENTION', subject: 'device.log', value: '90' },
    ],
    inventory: { plain: [item('device.log', { purposes: ['service.improve'], source: 'AUTOMATIC', legalBasis: 'LEGITIMATE_INTEREST', retentionDays: 60 })] },
  });
  const { as } = t;
  const { draft } = policySteps(t, as);

  beforeAll(async () => {
    await publishPolicy(t, as.officer, 'maps-policy', [{ topic: 'RETENTION', subject: 'device.log', value: '60' }], 'maps');
    await publishPolicy(t, as.officer, 'tiles-policy', [{ topic: 'SHARING', subject: 'device.log:third_party', value: 'ALLOWED' }], 'tiles');
  });

  it('should tell, without writing anything, which effective clauses change, which conflicts open and which are superseded', async () => {
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }, { topic: 'RETENTION', subject: 'device.log', value: '30' }]);
    const before = await tableCounts(t.server);
    const r = await t.gql(IMPACT, {}, as.officer);
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
      services { service { key } findingsAppearing { rule dataCategory severity } findingsDisappearing { rule } } } } } }`, {}, as.officer);
    const impact = r.data!.policy.draft.impact;
    const plain = impact.services.find((s: { service: { key: string } }) => s.service.key === 'plain');
    // 60 days were within 90; against 30 they exceed the limit.
    expect(plain.findingsAppearing).toEqual([{ rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', severity: 'MEDIUM' }]);
    expect(plain.findingsDisappearing).toEqual([]);
    expect(impact.findingsAppearing).toBeGreaterThanOrEqual(1);
  });

  it('should show a resolution that would carry forward, and the notice a reduction needs', async () => {
    const open = await t.gql('{ conflicts(status: OPEN) { id subject } }', {}, as.officer);
    const id = open.data!.conflicts.find((c: { subject: string }) => c.subject === 'device.log:third_party').id;
    await t.gql('mutation($id: ID!) { resolveConflict(input: { conflictId: $id, resolution: SERVICE_PREVAILS, rationale: "ok" }) { id } }', { id }, as.officer);
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }]);
    const impact = (await t.gql(IMPACT, {}, as.officer)).data!.policy.draft.impact;
    expect(impact.conflictsOpening).toEqual([expect.objectContaining({ subject: 'device.log:third_party', carriedForward: true })]);
    expect(impact.noticeRequired).toBe(true);
    expect(new Date(impact.earliestEffectiveAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it('should say which service clauses a newly locked global clause would override, opening no conflict for them', async () => {
    await draft('general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT', locked: true }]);
    const r = await t.gql('{ policy(key: "general") { draft { impact { lockedOverrides { service { key } topic subject serviceValue globalValue } conflictsOpening { subject } } } } }', {}, as.officer);
    const impact = r.data!.policy.draft.impact;
    expect(impact.lockedOverrides).toEqual([{ service: { key: 'tiles' }, topic: 'SHARING', subject: 'device.log:third_party', serviceValue: 'ALLOWED', globalValue: 'CONSENT' }]);
    expect(impact.conflictsOpening).toEqual([]);
  });

  it('should be null on a published version', async () => {
    const r = await t.gql('{ policy(key: "general") { versions { number status impact { servicesAffected } } } }', {}, as.officer);
    expect(r.data!.policy.versions[0]).toEqual({ number: 1, status: 'PUBLISHED', impact: null });
  });
});
