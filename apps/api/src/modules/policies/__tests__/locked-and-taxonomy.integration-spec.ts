import { testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, tableCounts, TestServer } from '../../../testing/test-server';

describe.each(testDialects())('locked clauses and taxonomy keys on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let engineer: string;
  const draft = (policyKey: string, clauses: object[], token = officer) =>
    t.gql('mutation($k: String!, $c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: $k, clauses: $c }) { number } }', { k: policyKey, c: clauses }, token);
  const publish = (policyKey: string, number: number) =>
    t.gql('mutation($k: String!, $n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: $k, number: $n, effectiveAt: $at }) { number } }', { k: policyKey, n: number, at: new Date().toISOString() }, officer);

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    engineer = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    await t.gql('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "geo" }) { id } }', {}, officer);
    await t.gql('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { id } }', {}, officer);
    await draft('general', [{ topic: 'RETENTION', subject: 'device.log', value: '90' }]);
    await publish('general', 1);
    await t.gql('mutation { createPolicy(input: { key: "maps-policy", title: "Maps", scope: SERVICE, serviceKey: "maps" }) { id } }', {}, engineer);
  });
  afterAll(() => t.close());

  it('should refuse at publish a service draft that a global version locked after it was drafted', async () => {
    expect((await draft('maps-policy', [{ topic: 'RETENTION', subject: 'device.log', value: '365' }], engineer)).errors).toBeUndefined();
    await draft('general', [{ topic: 'RETENTION', subject: 'device.log', value: '90', locked: true }]);
    expect((await publish('general', 2)).errors).toBeUndefined();
    const before = await tableCounts(t.server);
    const r = await publish('maps-policy', 1);
    expect(codeOf(r)).toBe('LOCKED_CLAUSE');
    expect(r.errors?.[0].message).toContain('RETENTION device.log');
    expect(await tableCounts(t.server)).toEqual(before);
  });

  it('should check a service draft against a scheduled global version too', async () => {
    await draft('general', [{ topic: 'RETENTION', subject: 'device.log', value: '90', locked: true }, { topic: 'RETENTION', subject: 'user', value: '30', locked: true }]);
    const scheduled = await t.gql(
      'mutation($at: DateTime!) { publishPolicyVersion(input: { policyKey: "general", number: 3, effectiveAt: $at }) { number } }',
      { at: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString() },
      officer,
    );
    expect(scheduled.errors).toBeUndefined();
    expect(codeOf(await draft('maps-policy', [{ topic: 'RETENTION', subject: 'user', value: '60' }], engineer))).toBe('LOCKED_CLAUSE');
  });

  describe('taxonomy keys', () => {
    it('should let an officer add a category under an existing parent and a use, audited', async () => {
      const r = await t.gql('mutation { addDataCategory(input: { key: "user.contact.address", name: "Postal address" }) { key parentKey sensitive } }', {}, officer);
      expect(r.data!.addDataCategory).toEqual({ key: 'user.contact.address', parentKey: 'user.contact', sensitive: false });
      const u = await t.gql('mutation { addDataUse(input: { key: "research", name: "Research" }) { key } }', {}, officer);
      expect(u.data!.addDataUse.key).toBe('research');
      const listed = await t.gql('{ dataCategories { key } }', {}, engineer);
      expect(listed.data!.dataCategories.map((c: { key: string }) => c.key)).toContain('user.contact.address');
      const events = await t.gql('{ auditEvents(filter: { entityType: "taxonomy" }) { totalCount } }', {}, officer);
      expect(events.data!.auditEvents.totalCount).toBe(2);
      expect((await draft('general', [{ topic: 'COLLECTION', subject: 'user.contact.address', value: 'CONSENT' }])).errors).toBeUndefined();
    });

    it.each([
      ['a parent that does not exist', 'mutation { addDataCategory(input: { key: "nope.child", name: "X" }) { key } }'],
      ['a duplicate key', 'mutation { addDataCategory(input: { key: "device.location", name: "X" }) { key } }'],
      ['a malformed key', 'mutation { addDataCategory(input: { key: "Bad Key!", name: "X" }) { key } }'],
      ['a duplicate use', 'mutation { addDataUse(input: { key: "marketing.email", name: "X" }) { key } }'],
    ])('should refuse %s with BAD_USER_INPUT and change nothing', async (_case, mutation) => {
      const before = await tableCounts(t.server);
      expect(codeOf(await t.gql(mutation, {}, officer))).toBe('BAD_USER_INPUT');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse an engineer with FORBIDDEN', async () => {
      expect(codeOf(await t.gql('mutation { addDataUse(input: { key: "x-use", name: "X" }) { key } }', {}, engineer))).toBe('FORBIDDEN');
    });
  });
});
