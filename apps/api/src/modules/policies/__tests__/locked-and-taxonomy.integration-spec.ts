import { testDialects } from '@canopy/persistence';
import { policySteps } from '../../../testing/fixtures';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { ENGINEER, OFFICER, useWorld } from '../../../testing/world';

describe.each(testDialects())('locked clauses and taxonomy keys on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo'],
    people: { officer: OFFICER, engineer: ENGINEER },
    services: [{ key: 'maps', team: 'geo' }],
    globalPolicy: [{ topic: 'RETENTION', subject: 'device.log', value: '90' }],
  });
  const { as } = t;
  const { draft, publish } = policySteps(t, as);

  beforeAll(() => t.gql('mutation { createPolicy(input: { key: "maps-policy", title: "Maps", scope: SERVICE, serviceKey: "maps" }) { id } }', {}, as.engineer));

  it('should refuse at publish a service draft that a global version locked after it was drafted', async () => {
    expect((await draft('maps-policy', [{ topic: 'RETENTION', subject: 'device.log', value: '365' }], as.engineer)).errors).toBeUndefined();
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
      as.officer,
    );
    expect(scheduled.errors).toBeUndefined();
    expect(codeOf(await draft('maps-policy', [{ topic: 'RETENTION', subject: 'user', value: '60' }], as.engineer))).toBe('LOCKED_CLAUSE');
  });

  describe('taxonomy keys', () => {
    it('should let an officer add a category under an existing parent and a use, audited', async () => {
      const r = await t.gql('mutation { addDataCategory(input: { key: "user.contact.address", name: "Postal address" }) { key parentKey sensitive } }', {}, as.officer);
      expect(r.data!.addDataCategory).toEqual({ key: 'user.contact.address', parentKey: 'user.contact', sensitive: false });
      const u = await t.gql('mutation { addDataUse(input: { key: "research", name: "Research" }) { key } }', {}, as.officer);
      expect(u.data!.addDataUse.key).toBe('research');
      const listed = await t.gql('{ dataCategories { key } }', {}, as.engineer);
      expect(listed.data!.dataCategories.map((c: { key: string }) => c.key)).toContain('user.contact.address');
      const events = await t.gql('{ auditEvents(filter: { entityType: "taxonomy" }) { totalCount } }', {}, as.officer);
      expect(events.data!.auditEvents.totalCount).toBe(2);
      expect((await draft('general', [{ topic: 'COLLECTION', subject: 'user.contact.address', value: 'CONSENT' }])).errors).toBeUndefined();
    });

    it.each([
      ['a parent that does not exist', 'mutation { addDataCategory(input: { key: "nope.child", name: "X" }) { key } }'],
      ['a duplicate key', 'mutation { addDataCategory(input: { key: "device.location", name: "X" }) { key } }'],
      ['a malformed key', 'mutation { addDataCategory(input: { key: "Bad Key!", name: "X" }) { key } }'],
      ['a duplicate use', 'mutation { addDataUse(input: { key: "marketing.email", name: "X" }) { key } }'],
    ])('should refuse %s with BAD_USER_INPUT and change nothing', async (_case, mutation) => {
      await expectRefusal(t, 'BAD_USER_INPUT', () => t.gql(mutation, {}, as.officer));
    });

    it('should name each invalid clause by its path once, not twice', async () => {
      const r = await draft('general', [{ topic: 'COLLECTION', subject: 'user.nope', value: 'CONSENT' }]);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      const problems = (r.errors?.[0].extensions as { problems: string[] }).problems;
      expect(problems).toEqual([expect.stringMatching(/^clauses\[0\]\.subject: unknown data category "user\.nope"$/)]);
      expect(r.errors?.[0].message).not.toMatch(/(clauses\[0\]\.subject: ){2}/);
    });

    it('should refuse an engineer with FORBIDDEN', async () => {
      expect(codeOf(await t.gql('mutation { addDataUse(input: { key: "x-use", name: "X" }) { key } }', {}, as.engineer))).toBe('FORBIDDEN');
    });
  });
});
