import { testDialects } from '@canopy/persistence';
import { expectRefusal } from '../../../testing/test-server';
import { expectOk, item, PERMISSIVE_GLOBAL } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

/** saveAssessmentDraft (DESIGN.md section 9): a DRAFT's answers, risks and review date amended in place, versioned, kept as history and audited. */
const FIELDS = 'id status version reviewDueAt answers { questionId answer } risks { description residual }';
const DRAFT = `mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { ${FIELDS} } }`;
const SAVE = `mutation($i: SaveAssessmentDraftInput!) { saveAssessmentDraft(input: $i) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const ONE = `query($id: ID!, $at: DateTime) { assessment(id: $id, at: $at) { ${FIELDS} } }`;
const LIST = '{ assessments(status: DRAFT) { id } }';
const EVENTS = 'query($id: String!) { auditEvents(filter: { entityType: "assessment", entityId: $id }) { edges { node { action actor { email } before after } } } }';
const DAY = 24 * 3600 * 1000;
const MISSING = '00000000-0000-4000-8000-000000000000';

const risk = (residual = 'LOW') => ({ description: 'unwanted access', likelihood: 'MEDIUM', severity: 'HIGH', mitigation: 'encrypted at rest', residual });
const answer = (questionId: string, text: string) => ({ questionId, answer: text });

describe.each(testDialects())('saving an assessment draft on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media'],
    people: { officer: OFFICER, geo: ENGINEER, media: OTHER_ENGINEER, auditor: AUDITOR },
    services: [{ key: 'chat', team: 'geo' }],
    globalPolicy: PERMISSIVE_GLOBAL,
    inventory: { chat: [item('user.account')] },
  });
  const { as } = t;
  const draft = async () =>
    (await expectOk(t.gql(DRAFT, { i: { kind: 'DPIA', serviceKey: 'chat', answers: [answer('processing.nature', 'accounts')], risks: [], reviewDueAt: null } }, as.geo))).draftAssessment;
  const save = (token: string, input: Record<string, unknown>) => t.gql(SAVE, { i: { answers: [], risks: [], ...input } }, token);
  const read = async (id: string, at?: string) => (await expectOk(t.gql(ONE, { id, at }, as.auditor))).assessment;

  it('should replace the answers, risks and review date of the same record, add 1 to its version and audit it as assessment.redrafted', async () => {
    const a = await draft();
    const due = t.clock.iso(90 * DAY);
    const saved = (
      await expectOk(save(as.geo, { id: a.id, expectedVersion: 1, answers: [answer('processing.purposes', '  support  '), answer('processing.nature', ' ')], risks: [risk()], reviewDueAt: due }))
    ).saveAssessmentDraft;
    expect(saved).toMatchObject({ id: a.id, status: 'DRAFT', version: 2, reviewDueAt: due, risks: [{ description: 'unwanted access', residual: 'LOW' }] });
    const given = saved.answers.filter((x: { answer: string | null }) => x.answer !== null);
    expect(given).toEqual([answer('processing.purposes', 'support')]);
    expect(saved.answers).toHaveLength(11);
    expect((await expectOk(t.gql(LIST, {}, as.auditor))).assessments).toEqual([{ id: a.id }]);
    const events = (await expectOk(t.gql(EVENTS, { id: a.id }, as.auditor))).auditEvents.edges.map((e: any) => e.node);
    expect(events.map((e: any) => [e.action, e.actor.email])).toEqual([
      ['assessment.drafted', ENGINEER.email],
      ['assessment.redrafted', ENGINEER.email],
    ]);
    expect(JSON.stringify(events[1].before)).toContain('accounts');
    expect(JSON.stringify(events[1].after)).toContain('support');
  });

  it('should keep the earlier answers as history: read as of an instant before the save, it shows them', async () => {
    const a = await draft();
    t.clock.advance(1000);
    const drafted = t.clock.iso();
    t.clock.advance(1000);
    await expectOk(save(as.officer, { id: a.id, expectedVersion: 1, answers: [answer('processing.nature', 'accounts and avatars')] }));
    expect(await read(a.id, drafted)).toMatchObject({ version: 1, answers: expect.arrayContaining([answer('processing.nature', 'accounts')]) });
    expect(await read(a.id)).toMatchObject({ version: 2, answers: expect.arrayContaining([answer('processing.nature', 'accounts and avatars')]) });
  });

  it('should refuse a stale expectedVersion (VERSION_CONFLICT), changing nothing', async () => {
    const a = await draft();
    await expectOk(save(as.geo, { id: a.id, expectedVersion: 1, answers: [answer('processing.nature', 'first')] }));
    await expectRefusal(t, 'VERSION_CONFLICT', () => save(as.officer, { id: a.id, expectedVersion: 1, answers: [answer('processing.nature', 'second')] }));
    expect(await read(a.id)).toMatchObject({ version: 2, answers: expect.arrayContaining([answer('processing.nature', 'first')]) });
  });

  it('should refuse to save an assessment that is no longer a DRAFT (INVALID_TRANSITION)', async () => {
    const a = await draft();
    const ready = (
      await expectOk(
        save(as.geo, {
          id: a.id,
          expectedVersion: 1,
          answers: (await expectOk(t.gql('{ assessmentQuestionnaire(kind: DPIA) { questions { id } } }', {}, as.geo))).assessmentQuestionnaire.questions.map((q: { id: string }) => answer(q.id, 'done')),
          reviewDueAt: t.clock.iso(90 * DAY),
        }),
      )
    ).saveAssessmentDraft;
    const submitted = (await expectOk(t.gql(SUBMIT, { id: a.id, v: ready.version }, as.geo))).submitAssessment;
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', version: 3 });
    await expectRefusal(t, 'INVALID_TRANSITION', () => save(as.geo, { id: a.id, expectedVersion: 3 }));
  });

  it.each([
    ['an auditor', 'auditor', {}, 'FORBIDDEN', null],
    ['an engineer of another team', 'media', {}, 'FORBIDDEN', null],
    ['an engineer of another team, even with bad input', 'media', { answers: [answer('nope', 'x')] }, 'FORBIDDEN', null],
    ['an answer to a question the version does not ask', 'geo', { answers: [answer('nope', 'x')] }, 'BAD_USER_INPUT', 'input.answers[0].questionId'],
    ['a question answered twice', 'geo', { answers: [answer('processing.nature', 'a'), answer('processing.nature', 'b')] }, 'BAD_USER_INPUT', 'input.answers[1].questionId'],
    ['a risk with a blank mitigation', 'geo', { risks: [{ ...risk(), mitigation: ' ' }] }, 'BAD_USER_INPUT', 'input.risks[0].mitigation'],
    ['a review date more than 12 months away', 'geo', { reviewDueAt: new Date(Date.now() + 400 * DAY).toISOString() }, 'BAD_USER_INPUT', 'input.reviewDueAt'],
    ['a malformed id', 'geo', { id: 'not-an-id' }, 'BAD_USER_INPUT', 'input.id'],
    ['bad input before a stale version', 'geo', { expectedVersion: 7, risks: [{ ...risk(), description: '' }] }, 'BAD_USER_INPUT', 'input.risks[0].description'],
    ['bad input on an unknown assessment before NOT_FOUND', 'officer', { id: MISSING, risks: [{ ...risk(), description: '' }] }, 'BAD_USER_INPUT', 'input.risks[0].description'],
    ['an unknown assessment', 'officer', { id: MISSING }, 'NOT_FOUND', null],
    ['a stale version', 'geo', { expectedVersion: 2 }, 'VERSION_CONFLICT', null],
  ] as const)('should refuse %s (%s), changing nothing', async (_what, who, input, code, argument) => {
    const a = await draft();
    const r = await expectRefusal(t, code, () => save(as[who], { id: a.id, expectedVersion: 1, ...input }));
    if (argument) expect(r.errors![0].extensions!.argument).toBe(argument);
    expect(await read(a.id)).toMatchObject({ version: 1, answers: expect.arrayContaining([answer('processing.nature', 'accounts')]) });
  });
});
