import { testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

const DAY = 24 * 60 * 60 * 1000;
const CREATE = 'mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { key scope service { key } } }';
const DRAFT = 'mutation($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { number status createdAt clauses { topic subject value locked } } }';
const PUBLISH = `mutation($input: PublishPolicyVersionInput!) {
  publishPolicyVersion(input: $input) { number status effectiveAt publishedAt materialReduction notice { channels noticeAt } publishedBy { email } }
}`;
const EFFECTIVE = `query($at: DateTime) { effectivePolicy(serviceKey: "maps", at: $at) {
  at clauses { topic subject value source policyKey policyVersion pendingReview explanation conflict { id status } }
} }`;
const CONFLICTS = 'query($s: ConflictStatus) { conflicts(status: $s) { id topic subject globalValue serviceValue globalPolicyVersion servicePolicyVersion status resolution rationale resolvedBy { email } resolvedAt carriedFromId service { key } } }';
const RESOLVE = 'mutation($input: ResolveConflictInput!) { resolveConflict(input: $input) { id status resolution rationale resolvedAt resolvedBy { email } } }';

const GLOBAL_V1 = [
  { topic: 'COLLECTION', subject: 'device.location', value: 'CONSENT', text: 'We collect location only with your consent.' },
  { topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' },
  { topic: 'RETENTION', subject: 'device.log', value: '90' },
  { topic: 'ENCRYPTION', subject: '*', value: 'IN_TRANSIT' },
  { topic: 'RIGHT', subject: 'DELETE', value: 'GRANTED' },
  { topic: 'MINORS', subject: 'guardian_consent_age', value: '18', locked: true },
  { topic: 'AMENDMENT', subject: 'notice_days', value: '30' },
];
const MAPS_V1 = [
  { topic: 'RETENTION', subject: 'device.log', value: '30' },
  { topic: 'RIGHT', subject: 'DELETE', value: 'GRANTED' },
  { topic: 'SHARING', subject: 'device.location:third_party', value: 'ALLOWED' },
  { topic: 'ENCRYPTION', subject: '*', value: 'NONE' },
];

type Clause = { topic: string; subject: string; value: string; source: string; pendingReview: boolean; explanation: string; conflict: { id: string; status: string } | null };
const clause = (clauses: Clause[], topic: string, subject: string) => clauses.find((c) => c.topic === topic && c.subject === subject);

describe.each(testDialects())('policies, precedence and amendments on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, engineer: ENGINEER, outsider: OTHER_ENGINEER, auditor: AUDITOR },
    services: [{ key: 'maps', team: 'geo' }],
  });
  const { as } = t;
  const instants: Record<string, string> = {};
  const effective = async (at?: string) => (await t.gql(EFFECTIVE, { at: at ?? null }, as.auditor)).data!.effectivePolicy.clauses as Clause[];

  it('should list the default taxonomy with sensitive flags', async () => {
    const r = await t.gql('{ dataCategories { key parentKey sensitive } dataUses { key } }', {}, as.auditor);
    expect(r.data!.dataCategories).toEqual(expect.arrayContaining([
      { key: 'device.location', parentKey: 'device', sensitive: true },
      { key: 'user.contact.email', parentKey: 'user.contact', sensitive: false },
    ]));
    expect(r.data!.dataUses.map((u: { key: string }) => u.key)).toEqual(expect.arrayContaining(['service.provide', 'marketing.email', 'cross_service']));
  });

  it('should have an empty effective policy before any policy exists', async () => {
    instants.beforeAll = t.clock.iso();
    expect(await effective()).toEqual([]);
  });

  describe('the global policy', () => {
    it('should be created and drafted by an officer only', async () => {
      expect(codeOf(await t.gql(CREATE, { input: { key: 'general', title: 'General', scope: 'GLOBAL' } }, as.engineer))).toBe('FORBIDDEN');
      const created = await t.gql(CREATE, { input: { key: 'general', title: 'General privacy policy', scope: 'GLOBAL' } }, as.officer);
      expect(created.data?.createPolicy).toEqual({ key: 'general', scope: 'GLOBAL', service: null });
      expect(codeOf(await t.gql(DRAFT, { input: { policyKey: 'general', clauses: GLOBAL_V1 } }, as.engineer))).toBe('FORBIDDEN');
      const draftedFrom = t.clock.iso();
      const draft = await t.gql(DRAFT, { input: { policyKey: 'general', clauses: GLOBAL_V1 } }, as.officer);
      expect(draft.data?.draftPolicyVersion).toMatchObject({ number: 1, status: 'DRAFT' });
      // createdAt: a notice sent outside Canopy before it cannot count (the console says so as the date is typed).
      const createdAt = draft.data?.draftPolicyVersion.createdAt as string;
      expect(createdAt >= draftedFrom && createdAt <= t.clock.iso()).toBe(true);
      expect(draft.data?.draftPolicyVersion.clauses).toHaveLength(GLOBAL_V1.length);
    });

    it.each([
      ['a second global policy', CREATE, { input: { key: 'general-2', title: 'Again', scope: 'GLOBAL' } }],
      ['a global policy naming a service', CREATE, { input: { key: 'g3', title: 'X', scope: 'GLOBAL', serviceKey: 'maps' } }],
      ['a service policy without a service', CREATE, { input: { key: 'svc-x', title: 'X', scope: 'SERVICE' } }],
      ['a service policy of an unknown service', CREATE, { input: { key: 'svc-y', title: 'X', scope: 'SERVICE', serviceKey: 'ghost' } }],
      ['an unknown category', DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'COLLECTION', subject: 'user.dna', value: 'CONSENT' }] } }],
      ['a value off the scale', DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'COLLECTION', subject: 'user', value: 'MAYBE' }] } }],
      ['a malformed subject', DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'SHARING', subject: 'user', value: 'CONSENT' }] } }],
      ['a duplicate (topic, subject)', DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'RETENTION', subject: 'user', value: '30' }, { topic: 'RETENTION', subject: 'user', value: '40' }] } }],
      ['a negative retention', DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'RETENTION', subject: 'user', value: '-1' }] } }],
    ])('should refuse %s with BAD_USER_INPUT and change nothing', async (_case, mutation, variables) => {
      await expectRefusal(t, 'BAD_USER_INPUT', () => t.gql(mutation, variables, as.officer));
      const draft = await t.gql('{ policy(key: "general") { versions { number status clauses { subject } } } }', {}, as.auditor);
      expect(draft.data!.policy.versions[0].clauses).toHaveLength(GLOBAL_V1.length);
    });

    it('should name the unknown key in the error', async () => {
      const r = await t.gql(DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'COLLECTION', subject: 'user.dna', value: 'CONSENT' }] } }, as.officer);
      expect(r.errors?.[0].message).toContain('user.dna');
    });

    it('should refuse publishing to an engineer, and an unknown version with NOT_FOUND', async () => {
      const at = t.clock.iso();
      expect(codeOf(await t.gql(PUBLISH, { input: { policyKey: 'general', number: 1, effectiveAt: at } }, as.engineer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(PUBLISH, { input: { policyKey: 'general', number: 9, effectiveAt: at } }, as.officer))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(PUBLISH, { input: { policyKey: 'nope', number: 1, effectiveAt: at } }, as.officer))).toBe('NOT_FOUND');
    });

    it('should publish v1 with a past effectiveAt meaning now', async () => {
      const r = await t.gql(PUBLISH, { input: { policyKey: 'general', number: 1, effectiveAt: '2020-01-01T00:00:00.000Z' } }, as.officer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.publishPolicyVersion).toMatchObject({ number: 1, status: 'PUBLISHED', materialReduction: false, publishedBy: { email: 'dpo@x.test' } });
      expect(codeOf(await t.gql(PUBLISH, { input: { policyKey: 'general', number: 1, effectiveAt: t.clock.iso() } }, as.officer))).toBe('INVALID_TRANSITION');
      t.clock.advance(20);
      instants.afterGlobalV1 = t.clock.iso();
      const clauses = await effective();
      expect(clause(clauses, 'RETENTION', 'device.log')).toMatchObject({ value: '90', source: 'GLOBAL', pendingReview: false });
      expect(await effective(instants.beforeAll)).toEqual([]);
    });
  });

  describe('a service policy', () => {
    it('should let the owning team create and draft it, but not another team', async () => {
      expect(codeOf(await t.gql(CREATE, { input: { key: 'maps-policy', title: 'Maps', scope: 'SERVICE', serviceKey: 'maps' } }, as.outsider))).toBe('FORBIDDEN');
      const created = await t.gql(CREATE, { input: { key: 'maps-policy', title: 'Maps policy', scope: 'SERVICE', serviceKey: 'maps' } }, as.engineer);
      expect(created.data?.createPolicy).toEqual({ key: 'maps-policy', scope: 'SERVICE', service: { key: 'maps' } });
      expect(codeOf(await t.gql(DRAFT, { input: { policyKey: 'maps-policy', clauses: MAPS_V1 } }, as.outsider))).toBe('FORBIDDEN');
    });

    it('should refuse a clause weakening a locked global clause with LOCKED_CLAUSE naming it, and change nothing', async () => {
      const before = await tableCounts(t.server);
      const r = await t.gql(DRAFT, { input: { policyKey: 'maps-policy', clauses: [...MAPS_V1, { topic: 'MINORS', subject: 'guardian_consent_age', value: '13' }] } }, as.engineer);
      expect(codeOf(r)).toBe('LOCKED_CLAUSE');
      expect(r.errors?.[0].message).toContain('guardian_consent_age');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse an AMENDMENT clause in a service policy', async () => {
      const r = await t.gql(DRAFT, { input: { policyKey: 'maps-policy', clauses: [{ topic: 'AMENDMENT', subject: 'notice_days', value: '60' }] } }, as.engineer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });

    it('should replace the draft when drafting again, and discard it', async () => {
      const first = await t.gql(DRAFT, { input: { policyKey: 'maps-policy', clauses: MAPS_V1.slice(0, 1) } }, as.engineer);
      const second = await t.gql(DRAFT, { input: { policyKey: 'maps-policy', clauses: MAPS_V1.slice(0, 2) } }, as.engineer);
      expect(first.data!.draftPolicyVersion.number).toBe(1);
      expect(second.data!.draftPolicyVersion).toMatchObject({ number: 1 });
      expect(second.data!.draftPolicyVersion.clauses).toHaveLength(2);
      expect((await t.gql('mutation { discardPolicyDraft(policyKey: "maps-policy") }', {}, as.engineer)).data?.discardPolicyDraft).toBe(true);
      expect(codeOf(await t.gql('mutation { discardPolicyDraft(policyKey: "maps-policy") }', {}, as.engineer))).toBe('INVALID_TRANSITION');
      expect((await t.gql('{ policy(key: "maps-policy") { versions { number } } }', {}, as.auditor)).data!.policy.versions).toEqual([]);
    });

    it('should open conflicts exactly for the weaker clauses when published', async () => {
      await t.gql(DRAFT, { input: { policyKey: 'maps-policy', clauses: MAPS_V1 } }, as.engineer);
      expect(codeOf(await t.gql(PUBLISH, { input: { policyKey: 'maps-policy', number: 1, effectiveAt: t.clock.iso() } }, as.engineer))).toBe('FORBIDDEN');
      const published = await t.gql(PUBLISH, { input: { policyKey: 'maps-policy', number: 1, effectiveAt: t.clock.iso() } }, as.officer);
      expect(published.errors).toBeUndefined();
      t.clock.advance(20);
      instants.afterServiceV1 = t.clock.iso();
      const open = (await t.gql(CONFLICTS, { s: 'OPEN' }, as.auditor)).data!.conflicts;
      expect(open.map((c: { topic: string; subject: string; globalValue: string; serviceValue: string }) => [c.topic, c.subject, c.globalValue, c.serviceValue]).sort()).toEqual([
        ['ENCRYPTION', '*', 'IN_TRANSIT', 'NONE'],
        ['SHARING', 'device.location:third_party', 'CONSENT', 'ALLOWED'],
      ]);
      expect(open[0]).toMatchObject({ globalPolicyVersion: 1, servicePolicyVersion: 1, status: 'OPEN', resolution: null, service: { key: 'maps' } });
    });

    it('should apply stricter and equal service clauses, and the global value pending review where a conflict is open', async () => {
      const clauses = await effective();
      expect(clause(clauses, 'RETENTION', 'device.log')).toMatchObject({ value: '30', source: 'SERVICE', pendingReview: false, conflict: null });
      expect(clause(clauses, 'RIGHT', 'DELETE')).toMatchObject({ value: 'GRANTED', source: 'SERVICE', pendingReview: false });
      expect(clause(clauses, 'SHARING', 'device.location:third_party')).toMatchObject({ value: 'CONSENT', source: 'GLOBAL', pendingReview: true, conflict: { status: 'OPEN' } });
      expect(clause(clauses, 'ENCRYPTION', '*')).toMatchObject({ value: 'IN_TRANSIT', source: 'GLOBAL', pendingReview: true });
      expect(clause(clauses, 'COLLECTION', 'device.location')).toMatchObject({ value: 'CONSENT', source: 'GLOBAL', pendingReview: false });
      for (const c of clauses) expect(c.explanation).toMatch(new RegExp(`^${c.topic} \\S+ = \\S+ from (global|service) policy (general|maps-policy) v1`));
    });

    it('should count a service with an open conflict in the hasOpenConflicts filter', async () => {
      await t.gql('mutation { registerService(input: { key: "quiet", name: "Quiet", teamKey: "geo" }) { id } }', {}, as.officer);
      const keys = async (flag: boolean) =>
        (await t.gql('query($f: Boolean) { services(filter: { hasOpenConflicts: $f }) { edges { node { key } } } }', { f: flag }, as.auditor)).data!.services.edges.map(
          (e: { node: { key: string } }) => e.node.key,
        );
      expect(await keys(true)).toEqual(['maps']);
      expect(await keys(false)).toEqual(['quiet']);
    });
  });

  describe('resolving conflicts', () => {
    let sharingId: string;
    let encryptionId: string;

    beforeAll(async () => {
      const open = (await t.gql(CONFLICTS, { s: 'OPEN' }, as.auditor)).data!.conflicts;
      sharingId = open.find((c: { topic: string }) => c.topic === 'SHARING').id;
      encryptionId = open.find((c: { topic: string }) => c.topic === 'ENCRYPTION').id;
    });

    it.each([
      ['an engineer', () => as.engineer, 'FORBIDDEN', 'fine'],
      ['a blank rationale', () => as.officer, 'BAD_USER_INPUT', '   '],
    ])('should refuse %s and change nothing', async (_case, token, code, rationale) => {
      await expectRefusal(t, code, () => t.gql(RESOLVE, { input: { conflictId: sharingId, resolution: 'SERVICE_PREVAILS', rationale } }, token()));
    });

    it('should answer NOT_FOUND for an unknown conflict', async () => {
      expect(codeOf(await t.gql(RESOLVE, { input: { conflictId: 'nope', resolution: 'SERVICE_PREVAILS', rationale: 'x' } }, as.officer))).toBe('NOT_FOUND');
    });

    it('should apply the service value from the moment SERVICE_PREVAILS is decided, and not before', async () => {
      const r = await t.gql(RESOLVE, { input: { conflictId: sharingId, resolution: 'SERVICE_PREVAILS', rationale: 'contract requires it' } }, as.officer);
      expect(r.data!.resolveConflict).toMatchObject({ status: 'RESOLVED', resolution: 'SERVICE_PREVAILS', resolvedBy: { email: 'dpo@x.test' } });
      const resolvedAt = new Date(r.data!.resolveConflict.resolvedAt).getTime();
      const now = clause(await effective(), 'SHARING', 'device.location:third_party')!;
      expect(now).toMatchObject({ value: 'ALLOWED', source: 'SERVICE', pendingReview: false, conflict: { id: sharingId, status: 'RESOLVED' } });
      expect(now.explanation).toContain('SERVICE_PREVAILS');
      expect(now.explanation).toContain('dpo@x.test');
      expect(now.explanation).toContain('contract requires it');
      const justBefore = clause(await effective(new Date(resolvedAt - 1).toISOString()), 'SHARING', 'device.location:third_party');
      expect(justBefore).toMatchObject({ value: 'CONSENT', source: 'GLOBAL', pendingReview: true });
      expect(clause(await effective(new Date(resolvedAt).toISOString()), 'SHARING', 'device.location:third_party')).toMatchObject({ value: 'ALLOWED' });
    });

    it('should keep the global value when GLOBAL_PREVAILS, without pending review', async () => {
      await t.gql(RESOLVE, { input: { conflictId: encryptionId, resolution: 'GLOBAL_PREVAILS', rationale: 'encryption is not negotiable' } }, as.officer);
      expect(clause(await effective(), 'ENCRYPTION', '*')).toMatchObject({ value: 'IN_TRANSIT', source: 'GLOBAL', pendingReview: false });
    });

    it('should refuse resolving a conflict that is not OPEN with INVALID_TRANSITION', async () => {
      const r = await t.gql(RESOLVE, { input: { conflictId: sharingId, resolution: 'GLOBAL_PREVAILS', rationale: 'changed my mind' } }, as.officer);
      expect(codeOf(r)).toBe('INVALID_TRANSITION');
    });

    it('should still show the conflict OPEN as of an instant between the publish and the resolution', async () => {
      expect(clause(await effective(instants.afterServiceV1), 'ENCRYPTION', '*')).toMatchObject({ pendingReview: true });
      expect(clause(await effective(instants.afterGlobalV1), 'RETENTION', 'device.log')).toMatchObject({ value: '90', source: 'GLOBAL' });
    });
  });

  describe('a new global version', () => {
    it('should supersede the old pair and carry resolutions forward where values are unchanged', async () => {
      const v2 = GLOBAL_V1.map((c) => (c.subject === 'device.log' ? { ...c, value: '60' } : c));
      await t.gql(DRAFT, { input: { policyKey: 'general', clauses: v2 } }, as.officer);
      const preview = await t.gql('{ policy(key: "general") { draft { number materialReduction changes { topic subject kind before after } } } }', {}, as.officer);
      expect(preview.data!.policy.draft.materialReduction).toBe(false);
      expect(preview.data!.policy.draft.changes.filter((c: { kind: string }) => c.kind !== 'UNCHANGED')).toEqual([
        { topic: 'RETENTION', subject: 'device.log', kind: 'STRICTER', before: '90', after: '60' },
      ]);
      const r = await t.gql(PUBLISH, { input: { policyKey: 'general', number: 2, effectiveAt: t.clock.iso() } }, as.officer);
      expect(r.errors).toBeUndefined();
      const superseded = (await t.gql(CONFLICTS, { s: 'SUPERSEDED' }, as.auditor)).data!.conflicts;
      expect(superseded).toHaveLength(2);
      const resolved = (await t.gql(CONFLICTS, { s: 'RESOLVED' }, as.auditor)).data!.conflicts;
      expect(resolved).toHaveLength(2);
      for (const c of resolved) {
        expect(c.globalPolicyVersion).toBe(2);
        expect(superseded.map((s: { id: string }) => s.id)).toContain(c.carriedFromId);
        expect(c.resolvedBy).toEqual({ email: 'dpo@x.test' });
      }
      const clauses = await effective();
      expect(clause(clauses, 'SHARING', 'device.location:third_party')).toMatchObject({ value: 'ALLOWED', source: 'SERVICE', policyVersion: 1 });
      expect(clause(clauses, 'RETENTION', 'device.log')).toMatchObject({ value: '30', source: 'SERVICE' });
    });

    it('should open a fresh conflict when the global value changes', async () => {
      const v3 = GLOBAL_V1.map((c) => (c.subject === '*:third_party' ? { ...c, value: 'PROHIBITED' } : c.subject === 'device.log' ? { ...c, value: '60' } : c));
      await t.gql(DRAFT, { input: { policyKey: 'general', clauses: v3 } }, as.officer);
      await t.gql(PUBLISH, { input: { policyKey: 'general', number: 3, effectiveAt: t.clock.iso() } }, as.officer);
      const open = (await t.gql(CONFLICTS, { s: 'OPEN' }, as.auditor)).data!.conflicts;
      expect(open.map((c: { subject: string; globalValue: string; globalPolicyVersion: number }) => [c.subject, c.globalValue, c.globalPolicyVersion])).toEqual([
        ['device.location:third_party', 'PROHIBITED', 3],
      ]);
      expect(clause(await effective(), 'SHARING', 'device.location:third_party')).toMatchObject({ value: 'PROHIBITED', pendingReview: true });
    });
  });

  describe('amendments', () => {
    const reduction = GLOBAL_V1.filter((c) => c.topic !== 'RIGHT').map((c) => (c.subject === '*:third_party' ? { ...c, value: 'PROHIBITED' } : c.subject === 'device.log' ? { ...c, value: '60' } : c));

    it('should call a removed right a material reduction and refuse it without notice, naming the earliest date', async () => {
      await t.gql(DRAFT, { input: { policyKey: 'general', clauses: reduction } }, as.officer);
      const draft = await t.gql('{ policy(key: "general") { draft { number materialReduction weakenedSubjects } } }', {}, as.officer);
      expect(draft.data!.policy.draft).toMatchObject({ number: 4, materialReduction: true, weakenedSubjects: ['RIGHT DELETE'] });
      const before = await tableCounts(t.server);
      const r = await t.gql(PUBLISH, { input: { policyKey: 'general', number: 4, effectiveAt: t.clock.iso() } }, as.officer);
      expect(codeOf(r)).toBe('NOTICE_REQUIRED');
      const earliest = new Date(r.errors![0].extensions!.earliestEffectiveAt as string).getTime();
      expect(earliest).toBeGreaterThan(t.clock.now().getTime() + 29 * DAY);
      expect(r.errors![0].message).toContain(new Date(earliest).toISOString());
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse a notice shorter than notice_days', async () => {
      const r = await t.gql(PUBLISH, {
        input: { policyKey: 'general', number: 4, effectiveAt: t.clock.iso(10 * DAY), notice: { channels: ['EMAIL'], noticeAt: t.clock.iso(), evidence: 'https://status.example.com/notices/4' } },
      }, as.officer);
      expect(codeOf(r)).toBe('NOTICE_REQUIRED');
    });

    it('should schedule the version with enough notice and keep the current one in force until then', async () => {
      const effectiveAt = t.clock.iso(31 * DAY);
      const r = await t.gql(PUBLISH, {
        input: { policyKey: 'general', number: 4, effectiveAt, notice: { channels: ['EMAIL', 'HOMEPAGE_BANNER'], noticeAt: t.clock.iso(), evidence: 'mail campaign 2026-11' } },
      }, as.officer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.publishPolicyVersion).toMatchObject({ materialReduction: true, effectiveAt, notice: { channels: ['EMAIL', 'HOMEPAGE_BANNER'] } });
      const current = await t.gql('query($at: DateTime) { policy(key: "general") { now: currentVersion { number } later: currentVersion(at: $at) { number } } }', { at: t.clock.iso(32 * DAY) }, as.auditor);
      expect(current.data!.policy).toEqual({ now: { number: 3 }, later: { number: 4 } });
      const nowClause = clause(await effective(), 'RIGHT', 'DELETE')!;
      expect(nowClause).toMatchObject({ source: 'SERVICE', value: 'GRANTED' });
      expect(nowClause.explanation).toContain('general v3');
      const later = clause(await effective(t.clock.iso(32 * DAY)), 'RIGHT', 'DELETE')!;
      expect(later).toMatchObject({ source: 'SERVICE', value: 'GRANTED' });
      expect(later.explanation).not.toContain('general v3');
      // A conflict against the scheduled version says when it takes effect; one of the pair in force says nothing.
      const all = (await t.gql('{ conflicts { globalPolicyVersion status takesEffectAt } }', {}, as.auditor)).data!.conflicts as { globalPolicyVersion: number; status: string; takesEffectAt: string | null }[];
      const scheduledPair = all.filter((c) => c.globalPolicyVersion === 4);
      expect(scheduledPair.length).toBeGreaterThan(0);
      expect(scheduledPair.every((c) => c.takesEffectAt === effectiveAt)).toBe(true);
      expect(all.filter((c) => c.globalPolicyVersion < 4).every((c) => c.takesEffectAt === null)).toBe(true);
    });

    it('should have written one audit event per successful mutation of this flow', async () => {
      const events = await t.gql('{ auditEvents(filter: { entityType: "policy" }, first: 500) { edges { node { action entityId } } } }', {}, as.auditor);
      const actions = events.data!.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action);
      expect(actions.filter((a: string) => a === 'policy.published')).toHaveLength(5);
      expect(actions.filter((a: string) => a === 'policy.created')).toHaveLength(2);
      expect((await t.gql('{ verifyAuditLog { ok } }', {}, as.auditor)).data!.verifyAuditLog.ok).toBe(true);
    });
  });
});
