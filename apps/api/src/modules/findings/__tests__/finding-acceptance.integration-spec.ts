import { FindingAcceptanceEntity, testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { expectOk, item, RETENTION_90_GLOBAL, setInventory } from '../../../testing/fixtures';
import { ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

const ACCEPT = `mutation($i: AcceptFindingInput!) {
  acceptFinding(input: $i) { id rule dataCategory rationale expiresAt acceptedAt acceptedBy { email } service { key } findings { rule accepted } }
}`;
const FINDINGS = `query($k: String!) { service(key: $k) { findings { rule dataCategory accepted acceptedAt acceptedUntil acceptanceRationale acceptedBy { email } } } }`;
const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe.each(testDialects())('accepting findings on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, geo: ENGINEER, media: OTHER_ENGINEER },
    globalPolicy: RETENTION_90_GLOBAL,
    services: [
      { key: 'logs', team: 'geo' },
      { key: 'brief', team: 'geo' },
    ],
  });
  const { as } = t;

  beforeAll(async () => {
    for (const key of ['logs', 'brief']) await setInventory(t, as.geo, key, [item('device.log', { retentionDays: null }), item('user.account')]);
  });

  const retention = async (key = 'logs') =>
    ((await expectOk(t.gql(FINDINGS, { k: key }, as.geo))).service.findings as { rule: string; accepted: boolean }[]).filter((f) => f.rule === 'RETENTION_EXCEEDED');

  it('should keep an accepted finding listed, marked accepted until the expiry, and audit it on the service', async () => {
    const expiresAt = inDays(90);
    const r = await expectOk(t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: ' legal hold until the audit ends ', expiresAt } }, as.officer));
    expect(r.acceptFinding).toMatchObject({
      rule: 'RETENTION_EXCEEDED',
      dataCategory: 'device.log',
      rationale: 'legal hold until the audit ends',
      expiresAt,
      acceptedBy: { email: 'dpo@x.test' },
      service: { key: 'logs' },
      findings: [{ rule: 'RETENTION_EXCEEDED', accepted: true }],
    });
    expect(await retention()).toEqual([
      expect.objectContaining({ accepted: true, acceptedUntil: expiresAt, acceptanceRationale: 'legal hold until the audit ends', acceptedBy: { email: 'dpo@x.test' } }),
    ]);
    expect((await retention('brief'))[0]).toMatchObject({ accepted: false, acceptedUntil: null, acceptedBy: null });

    const events = await expectOk(t.gql('{ auditEvents(filter: { entityType: "service", entityId: "logs", action: "finding.accepted" }) { edges { node { after } } } }', {}, as.geo));
    expect(events.auditEvents.edges).toHaveLength(1);
    expect(events.auditEvents.edges[0].node.after).toMatchObject({ rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', expiresAt });
  });

  it('should filter by accepted', async () => {
    const accepted = (await expectOk(t.gql('{ findings(accepted: true) { rule service { key } } }', {}, as.geo))).findings;
    expect(accepted).toEqual([{ rule: 'RETENTION_EXCEEDED', service: { key: 'logs' } }]);
    const open = (await expectOk(t.gql('{ findings(accepted: false) { accepted } }', {}, as.geo))).findings;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((f: { accepted: boolean }) => !f.accepted)).toBe(true);
  });

  it('should count the finding again once the acceptance expires', async () => {
    await expectOk(t.gql(ACCEPT, { i: { serviceKey: 'brief', rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'short', expiresAt: t.clock.iso(1500) } }, as.officer));
    expect((await retention('brief'))[0].accepted).toBe(true);
    t.clock.advance(1700);
    expect((await retention('brief'))[0]).toMatchObject({ accepted: false, acceptedUntil: null });
    expect(await t.server.db.manager.count(FindingAcceptanceEntity)).toBe(2); // kept as history, never deleted
  });

  it.each([
    ['an engineer', () => as.geo],
    ['an engineer of another team', () => as.media],
  ])('should refuse %s with FORBIDDEN and write nothing', async (_who, token) => {
    await expectRefusal(t, 'FORBIDDEN', () => t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'x', expiresAt: inDays(10) } }, token()));
  });

  it.each([
    ['an unknown rule', { rule: 'LOOKS_BAD' }, 'rule'],
    ['an unknown data category', { dataCategory: 'device.gps' }, 'dataCategory'],
    ['a blank rationale', { rationale: '  ' }, 'rationale'],
    ['an expiry in the past', { expiresAt: inDays(-1) }, 'expiresAt'],
    ['an expiry more than three years ahead', { expiresAt: inDays(4 * 366) }, 'expiresAt'],
  ])('should refuse %s with BAD_USER_INPUT and write nothing', async (_case, change, argument) => {
    const before = await tableCounts(t.server);
    const r = await t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'x', expiresAt: inDays(10), ...change } }, as.officer);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.argument).toBe(argument);
    expect(await tableCounts(t.server)).toEqual(before);
  });

  it('should refuse a missing expiry or a malformed one in variables', async () => {
    expect(codeOf(await t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'RETENTION_EXCEEDED', rationale: 'x' } }, as.officer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'RETENTION_EXCEEDED', rationale: 'x', expiresAt: 'tomorrow' } }, as.officer))).toBe('BAD_USER_INPUT');
  });

  it('should answer NOT_FOUND for an unknown service or a finding the service does not have now', async () => {
    const before = await tableCounts(t.server);
    expect(codeOf(await t.gql(ACCEPT, { i: { serviceKey: 'ghost', rule: 'RETENTION_EXCEEDED', dataCategory: 'device.log', rationale: 'x', expiresAt: inDays(10) } }, as.officer))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'RETENTION_EXCEEDED', dataCategory: 'user.account', rationale: 'x', expiresAt: inDays(10) } }, as.officer))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ACCEPT, { i: { serviceKey: 'logs', rule: 'COLLECTION_PROHIBITED', rationale: 'x', expiresAt: inDays(10) } }, as.officer))).toBe('NOT_FOUND');
    expect(await tableCounts(t.server)).toEqual(before);
  });
});
