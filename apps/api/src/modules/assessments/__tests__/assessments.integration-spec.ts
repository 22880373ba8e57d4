import { testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal } from '../../../testing/test-server';
import { APPROVE, expectOk, item, PERMISSIVE_GLOBAL, propose, registerProcessor, setInventory, SUBMIT } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, OFFICER_2, OTHER_ENGINEER, useWorld } from '../../../testing/world';

/** Assessments (DESIGN.md section 9): the workflow, its errors, derived status, history and findings. */
const FIELDS = `id kind status statusReason version questionnaireVersion assessedCategories reviewDueAt decisionComment asOf
  answers { questionId question answer } risks { description likelihood severity mitigation residual }
  priorConsultation { authority consultedAt outcome } author { email } approvals { approver { email } comment at }
  service { key } sharingArrangement { id }`;
const DRAFT = `mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { ${FIELDS} } }`;
const SUBMIT_A = `mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const APPROVE_A = `mutation($i: DecideAssessmentInput!) { approveAssessment(input: $i) { ${FIELDS} } }`;
const REJECT_A = `mutation($i: DecideAssessmentInput!) { rejectAssessment(input: $i) { ${FIELDS} } }`;
const CONSULT = `mutation($id: ID!, $a: String!, $at: DateTime!, $o: String!) { recordPriorConsultation(id: $id, authority: $a, consultedAt: $at, outcome: $o) { ${FIELDS} } }`;
const ONE = `query($id: ID!, $at: DateTime) { assessment(id: $id, at: $at) { ${FIELDS} } }`;
const LIST = `query($s: AssessmentStatus, $k: AssessmentKind) { assessments(status: $s, kind: $k) { id status } }`;
const QUESTIONNAIRE = 'query($k: AssessmentKind!) { assessmentQuestionnaire(kind: $k) { version questions { id } } }';
const FINDINGS = 'query($k: String!) { service(key: $k) { findings { rule severity message } } }';
const ENFORCE = 'mutation($at: DateTime!) { enforceAssessmentsFrom(from: $at) { from } }';
const EVENTS = 'query($id: String!) { auditEvents(filter: { entityType: "assessment", entityId: $id }) { edges { node { action actor { email } after } } } }';
const DAY = 24 * 3600 * 1000;

const risk = (residual = 'LOW') => ({ description: 'unwanted access to face templates', likelihood: 'MEDIUM', severity: 'HIGH', mitigation: 'templates encrypted, keys in the EU', residual });

describe.each(testDialects())('assessments on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, officer2: OFFICER_2, geo: ENGINEER, media: OTHER_ENGINEER, auditor: AUDITOR },
    services: [
      { key: 'faces', team: 'geo' },
      { key: 'maps', team: 'geo' },
      { key: 'chat', team: 'geo' },
    ],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: {
      faces: [item('user.account'), item('user.biometric')],
      maps: [item('user.account')],
      chat: [item('user.account')],
    },
  });
  const { as } = t;
  let dpiaIds: string[] = [];
  let tiaIds: string[] = [];
  const answersOf = async (kind: string) =>
    (await expectOk(t.gql(QUESTIONNAIRE, { k: kind }, as.geo))).assessmentQuestionnaire.questions.map((q: { id: string }) => ({ questionId: q.id, answer: `answer to ${q.id}` }));
  const draft = async (token: string, input: Record<string, unknown>) => {
    const i = { kind: 'DPIA', serviceKey: 'chat', answers: await answersOf(String(input.kind ?? 'DPIA')), risks: [risk()], reviewDueAt: t.clock.iso(180 * DAY), ...input };
    return (await expectOk(t.gql(DRAFT, { i }, token))).draftAssessment;
  };
  const submit = async (token: string, a: { id: string; version: number }) => (await expectOk(t.gql(SUBMIT_A, { id: a.id, v: a.version }, token))).submitAssessment;
  const approve = async (token: string, a: { id: string; version: number }, comment?: string) =>
    (await expectOk(t.gql(APPROVE_A, { i: { id: a.id, expectedVersion: a.version, comment } }, token))).approveAssessment;
  const findings = async (key: string) => (await expectOk(t.gql(FINDINGS, { k: key }, as.auditor))).service.findings as { rule: string; severity: string; message: string }[];
  const section9 = async (key: string) => (await findings(key)).filter((f) => ['DPIA_MISSING', 'ASSESSMENT_EXPIRED'].includes(f.rule)).map((f) => [f.rule, f.severity]);

  describe('drafting', () => {
    it('should list every question of the questionnaire version, blank until answered, and audit the draft', async () => {
      const a = await draft(as.geo, { answers: [{ questionId: 'processing.nature', answer: '  face templates  ' }], reviewDueAt: null });
      dpiaIds.push(a.id);
      expect(a).toMatchObject({ kind: 'DPIA', status: 'DRAFT', version: 1, questionnaireVersion: 1, author: { email: ENGINEER.email }, service: { key: 'chat' }, sharingArrangement: null });
      expect(a.answers).toHaveLength(11);
      expect(a.answers[0]).toEqual({ questionId: 'processing.nature', question: expect.stringContaining('What personal data'), answer: 'face templates' });
      expect(a.answers.slice(1).every((x: { answer: string | null }) => x.answer === null)).toBe(true);
      const events = (await expectOk(t.gql(EVENTS, { id: a.id }, as.auditor))).auditEvents.edges;
      expect(events.map((e: any) => [e.node.action, e.node.actor.email])).toEqual([['assessment.drafted', ENGINEER.email]]);
    });

    it.each([
      ['an auditor', 'auditor', {}, 'FORBIDDEN'],
      ['an engineer of another team', 'media', {}, 'FORBIDDEN'],
      ['an answer to a question the version does not ask', 'geo', { answers: [{ questionId: 'nope', answer: 'x' }] }, 'BAD_USER_INPUT'],
      ['a risk with a blank mitigation', 'geo', { risks: [{ ...risk(), mitigation: ' ' }] }, 'BAD_USER_INPUT'],
      ['a review date more than 12 months away', 'geo', { reviewDueAt: new Date(Date.now() + 400 * DAY).toISOString() }, 'BAD_USER_INPUT'],
      ['a DPIA naming an arrangement', 'geo', { sharingArrangementId: '00000000-0000-4000-8000-000000000000' }, 'BAD_USER_INPUT'],
      ['a TIA without an arrangement', 'geo', { kind: 'TIA', answers: [] }, 'BAD_USER_INPUT'],
      ['an unknown service', 'officer', { serviceKey: 'nowhere' }, 'NOT_FOUND'],
      ['a TIA of an unknown arrangement', 'geo', { kind: 'TIA', answers: [], sharingArrangementId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
    ] as const)('should refuse %s (%s) with the right code, changing nothing', async (_what, who, input, code) => {
      const i = { kind: 'DPIA', serviceKey: 'chat', answers: [], risks: [], ...input };
      const r = await expectRefusal(t, code, () => t.gql(DRAFT, { i }, as[who]));
      expect(r.errors![0].message.length).toBeGreaterThan(20);
    });
  });

  describe('the state machine', () => {
    it('should refuse to submit with unanswered questions, naming them (CHECKS_FAILED), and a stale version (VERSION_CONFLICT)', async () => {
      const a = await draft(as.geo, { answers: [{ questionId: 'processing.nature', answer: 'x' }] });
      const r = await expectRefusal(t, 'CHECKS_FAILED', () => t.gql(SUBMIT_A, { id: a.id, v: 1 }, as.geo));
      expect(r.errors![0].message).toContain('processing.purposes');
      expect(r.errors![0].message).toContain('consultation.people');
      expect(r.errors![0].extensions!.failedChecks).toEqual(['ANSWERS_COMPLETE']);
      await expectRefusal(t, 'VERSION_CONFLICT', () => t.gql(SUBMIT_A, { id: a.id, v: 2 }, as.geo));
      await expectRefusal(t, 'FORBIDDEN', () => t.gql(SUBMIT_A, { id: a.id, v: 1 }, as.media));
      await expectRefusal(t, 'NOT_FOUND', () => t.gql(SUBMIT_A, { id: '00000000-0000-4000-8000-000000000000', v: 1 }, as.geo));
      await expectRefusal(t, 'BAD_USER_INPUT', () => t.gql(SUBMIT_A, { id: 'not-an-id', v: 1 }, as.geo));
    });

    it('should refuse to submit without a review date', async () => {
      const a = await draft(as.geo, { reviewDueAt: null });
      const r = await expectRefusal(t, 'CHECKS_FAILED', () => t.gql(SUBMIT_A, { id: a.id, v: 1 }, as.geo));
      expect(r.errors![0].extensions!.failedChecks).toEqual(['REVIEW_DUE_VALID']);
    });

    it('should go DRAFT -> IN_REVIEW -> APPROVED, recording what was assessed and the approval, each step audited', async () => {
      const a = await draft(as.geo, {});
      const submitted = await submit(as.geo, a);
      expect(submitted).toMatchObject({ status: 'IN_REVIEW', version: 2, assessedCategories: ['user.account'] });
      await expectRefusal(t, 'INVALID_TRANSITION', () => t.gql(SUBMIT_A, { id: a.id, v: 2 }, as.geo));
      await expectRefusal(t, 'FORBIDDEN', () => t.gql(APPROVE_A, { i: { id: a.id, expectedVersion: 2 } }, as.geo));
      const approved = await approve(as.officer, submitted, 'proportionate');
      expect(approved).toMatchObject({ status: 'APPROVED', version: 3, approvals: [{ approver: { email: OFFICER.email }, comment: 'proportionate' }] });
      await expectRefusal(t, 'INVALID_TRANSITION', () => t.gql(APPROVE_A, { i: { id: a.id, expectedVersion: 3 } }, as.officer2));
      await expectRefusal(t, 'INVALID_TRANSITION', () => t.gql(REJECT_A, { i: { id: a.id, expectedVersion: 3, comment: 'no' } }, as.officer2));
      const events = (await expectOk(t.gql(EVENTS, { id: a.id }, as.auditor))).auditEvents.edges.map((e: any) => e.node.action);
      expect([...events].sort()).toEqual(['assessment.approved', 'assessment.drafted', 'assessment.submitted']);
    });

    it('should refuse approval from DRAFT (INVALID_TRANSITION) and by its author (separation of duties)', async () => {
      const a = await draft(as.officer, {});
      await expectRefusal(t, 'INVALID_TRANSITION', () => t.gql(APPROVE_A, { i: { id: a.id, expectedVersion: 1 } }, as.officer2));
      const submitted = await submit(as.officer, a);
      const r = await expectRefusal(t, 'CHECKS_FAILED', () => t.gql(APPROVE_A, { i: { id: a.id, expectedVersion: 2 } }, as.officer));
      expect(r.errors![0].extensions!.failedChecks).toEqual(['SEPARATION_OF_DUTIES']);
      await expectRefusal(t, 'VERSION_CONFLICT', () => t.gql(APPROVE_A, { i: { id: a.id, expectedVersion: 1 } }, as.officer2));
      expect((await approve(as.officer2, submitted)).status).toBe('APPROVED');
    });

    it('should reject only with a comment', async () => {
      const submitted = await submit(as.geo, await draft(as.geo, {}));
      const r = await expectRefusal(t, 'BAD_USER_INPUT', () => t.gql(REJECT_A, { i: { id: submitted.id, expectedVersion: 2, comment: '  ' } }, as.officer));
      expect(r.errors![0].extensions!.argument).toBe('input.comment');
      await expectRefusal(t, 'FORBIDDEN', () => t.gql(REJECT_A, { i: { id: submitted.id, expectedVersion: 2, comment: 'no' } }, as.geo));
      const rejected = (await expectOk(t.gql(REJECT_A, { i: { id: submitted.id, expectedVersion: 2, comment: 'risks understated' } }, as.officer))).rejectAssessment;
      expect(rejected).toMatchObject({ status: 'REJECTED', decisionComment: 'risks understated', approvals: [] });
      await expectRefusal(t, 'INVALID_TRANSITION', () => t.gql(APPROVE_A, { i: { id: submitted.id, expectedVersion: 3 } }, as.officer));
    });

    it('should approve a HIGH residual risk only after a recorded prior consultation', async () => {
      const submitted = await submit(as.geo, await draft(as.geo, { risks: [risk('HIGH')] }));
      const r = await expectRefusal(t, 'CHECKS_FAILED', () => t.gql(APPROVE_A, { i: { id: submitted.id, expectedVersion: 2 } }, as.officer));
      expect(r.errors![0].extensions!.failedChecks).toEqual(['PRIOR_CONSULTATION']);
      const consult = (token: string, at: string, authority = 'CNIL') => t.gql(CONSULT, { id: submitted.id, a: authority, at, o: 'may proceed with the measures' }, token);
      await expectRefusal(t, 'FORBIDDEN', () => consult(as.geo, t.clock.iso(-DAY)));
      await expectRefusal(t, 'BAD_USER_INPUT', () => consult(as.officer, t.clock.iso(10 * DAY)));
      await expectRefusal(t, 'BAD_USER_INPUT', () => consult(as.officer, t.clock.iso(-DAY), ' '));
      const consulted = (await expectOk(consult(as.officer, t.clock.iso(-DAY)))).recordPriorConsultation;
      expect(consulted).toMatchObject({ status: 'IN_REVIEW', version: 3, priorConsultation: { authority: 'CNIL', outcome: 'may proceed with the measures' } });
      const approved = await approve(as.officer, consulted);
      expect(approved.status).toBe('APPROVED');
      await expectRefusal(t, 'INVALID_TRANSITION', () => consult(as.officer, t.clock.iso(-DAY)));
    });
  });

  describe('findings and derived status', () => {
    it('should report DPIA_MISSING as LOW before enforcement, saying so, and HIGH once enforced', async () => {
      const before = (await findings('faces')).find((f) => f.rule === 'DPIA_MISSING')!;
      expect(before.severity).toBe('LOW');
      expect(before.message).toContain('(advisory: enforcement of assessments is not turned on)');
      const from = t.clock.iso(DAY);
      await expectOk(t.gql(ENFORCE, { at: from }, as.officer));
      const scheduled = (await findings('faces')).find((f) => f.rule === 'DPIA_MISSING')!;
      expect(scheduled).toMatchObject({ severity: 'LOW', message: expect.stringContaining(`counts from ${from}`) });
      t.clock.advance(DAY + 1000);
      expect(await section9('faces')).toEqual([['DPIA_MISSING', 'HIGH']]);
      expect(await section9('maps')).toEqual([]);
    });

    it('should clear DPIA_MISSING once a DPIA is approved, and bring it back when the DPIA goes stale', async () => {
      const a = await approve(as.officer, await submit(as.geo, await draft(as.geo, { serviceKey: 'faces' })));
      dpiaIds = [a.id];
      expect(a.assessedCategories).toEqual(['user.account', 'user.biometric']);
      expect(await section9('faces')).toEqual([]);
      t.clock.advance(1000);
      const approvedAt = t.clock.iso();
      t.clock.advance(1000);
      await setInventory(t, as.officer, 'faces', [item('user.account'), item('user.biometric'), item('device.camera')]);
      const stale = (await expectOk(t.gql(ONE, { id: a.id }, as.auditor))).assessment;
      expect(stale).toMatchObject({ status: 'STALE', statusReason: expect.stringContaining('device.camera') });
      expect(await section9('faces')).toEqual([['DPIA_MISSING', 'HIGH']]);
      expect((await expectOk(t.gql(LIST, { s: 'STALE', k: 'DPIA' }, as.auditor))).assessments.map((x: { id: string }) => x.id)).toEqual([a.id]);
      // As of an instant before the change, it stood APPROVED.
      const then = (await expectOk(t.gql(ONE, { id: a.id, at: approvedAt }, as.auditor))).assessment;
      expect(then).toMatchObject({ status: 'APPROVED', version: 3, asOf: approvedAt });
      await setInventory(t, as.officer, 'faces', [item('user.account'), item('user.biometric')]);
      expect(await section9('faces')).toEqual([]);
    });

    it('should serve Service.assessments and read an assessment as of an instant before a transition', async () => {
      const a = await draft(as.geo, { serviceKey: 'maps' });
      t.clock.advance(1000);
      const drafted = t.clock.iso();
      t.clock.advance(1000);
      await submit(as.geo, a);
      const then = (await expectOk(t.gql(ONE, { id: a.id, at: drafted }, as.auditor))).assessment;
      expect(then).toMatchObject({ status: 'DRAFT', version: 1, assessedCategories: [] });
      const before = (await expectOk(t.gql(ONE, { id: a.id, at: new Date(Date.parse(drafted) - 5000).toISOString() }, as.auditor))).assessment;
      expect(before).toBeNull();
      const list = (await expectOk(t.gql('{ service(key: "maps") { assessments { id status } } }', {}, as.auditor))).service.assessments;
      expect(list).toEqual([{ id: a.id, status: 'IN_REVIEW' }]);
      const old = (await expectOk(t.gql('query($at: DateTime) { service(key: "maps") { assessments(at: $at) { id status } } }', { at: drafted }, as.auditor))).service.assessments;
      expect(old).toEqual([{ id: a.id, status: 'DRAFT' }]);
    });

    it("should keep a TIA current when an approval bumps the arrangement's version, and make it STALE when its content changes", async () => {
      const processor = await registerProcessor(t, as.officer, 'tiles', { country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
      const arrangement = await propose(t, as.geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['user.account'] });
      const tia = await approve(as.officer, await submit(as.geo, await draft(as.geo, { kind: 'TIA', serviceKey: 'maps', sharingArrangementId: arrangement.id, risks: [] })));
      tiaIds = [tia.id];
      expect(tia).toMatchObject({ kind: 'TIA', status: 'APPROVED', sharingArrangement: { id: arrangement.id }, assessedCategories: ['user.account'] });
      const submitted = (await expectOk(t.gql(SUBMIT, { id: arrangement.id, v: arrangement.version }, as.geo))).submitSharing;
      const approvedSharing = (await expectOk(t.gql(APPROVE, { i: { id: arrangement.id, expectedVersion: submitted.version } }, as.officer))).approveSharing;
      expect(approvedSharing.version).toBeGreaterThan(arrangement.version + 1);
      expect((await expectOk(t.gql(ONE, { id: tia.id }, as.auditor))).assessment.status).toBe('APPROVED');
      await expectOk(
        t.gql('mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { version } }', { i: { key: 'tiles', expectedVersion: processor.version, country: 'IN' } }, as.officer),
      );
      const stale = (await expectOk(t.gql(ONE, { id: tia.id }, as.auditor))).assessment;
      expect(stale).toMatchObject({ status: 'STALE', statusReason: "the arrangement's content changed since it was assessed" });
    });

    it('should read EXPIRED from reviewDueAt and report ASSESSMENT_EXPIRED', async () => {
      expect(codeOf(await t.gql(ONE, { id: dpiaIds[0] }, as.auditor))).toBeUndefined();
      t.clock.advance(200 * DAY);
      const expired = (await expectOk(t.gql(ONE, { id: dpiaIds[0] }, as.auditor))).assessment;
      expect(expired).toMatchObject({ status: 'EXPIRED', statusReason: expect.stringContaining('its review was due on') });
      expect((await expectOk(t.gql(ONE, { id: tiaIds[0] }, as.auditor))).assessment.status).toBe('EXPIRED');
      expect(await section9('faces')).toEqual([
        ['DPIA_MISSING', 'HIGH'],
        ['ASSESSMENT_EXPIRED', 'MEDIUM'],
      ]);
    });
  });
});
