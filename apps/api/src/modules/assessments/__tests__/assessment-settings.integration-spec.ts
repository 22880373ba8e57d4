import { ASSESSMENT_QUESTIONNAIRES } from '@canopy/domain';
import { testDialects } from '@canopy/persistence';
import { codeOf, tableCounts, TestServer } from '../../../testing/test-server';
import { expectOk, geoWorld } from '../../findings/__tests__/compliance-fixtures';

/** The questionnaires (the domain's data) and enforcement of the section 9 rules (a setting, officers, audited). */
const ENFORCE = 'mutation($f: DateTime!) { enforceAssessmentsFrom(from: $f) { from } }';

describe.each(testDialects())('assessment questionnaires and enforcement on %s', (dialect) => {
  let t: TestServer;
  let officer: string;
  let geo: string;
  let auditor: string;

  beforeAll(async () => {
    ({ t, officer, geo, auditor } = await geoWorld(dialect));
  });
  afterAll(() => t.close());

  it.each(['DPIA', 'TIA'] as const)('should serve the %s questionnaire as the domain keeps it, latest version', async (kind) => {
    const q = (await expectOk(t.gql('query($k: AssessmentKind!) { assessmentQuestionnaire(kind: $k) { kind version questions { id text } } }', { k: kind }, geo))).assessmentQuestionnaire;
    const latest = ASSESSMENT_QUESTIONNAIRES.filter((x) => x.kind === kind).sort((a, b) => b.version - a.version)[0];
    expect(q).toEqual({ kind, version: latest.version, questions: latest.questions.map((x) => ({ id: x.id, text: x.text })) });
    expect(q.questions.length).toBeGreaterThan(0);
  });

  it('should start advisory, and refuse engineers and auditors with FORBIDDEN, writing nothing', async () => {
    expect((await expectOk(t.gql('{ assessmentEnforcement { from } }', {}, geo))).assessmentEnforcement).toEqual({ from: null });
    const before = await tableCounts(t.server);
    for (const token of [geo, auditor]) expect(codeOf(await t.gql(ENFORCE, { f: new Date().toISOString() }, token))).toBe('FORBIDDEN');
    expect(await tableCounts(t.server)).toEqual(before);
  });

  it('should enforce from now when asked for a past instant, and from a future one as asked, audited each time', async () => {
    const asked = Date.now();
    const past = (await expectOk(t.gql(ENFORCE, { f: '2020-01-01T00:00:00Z' }, officer))).enforceAssessmentsFrom.from;
    expect(new Date(past).getTime()).toBeGreaterThanOrEqual(asked - 1000);
    const future = '2030-01-01T00:00:00.000Z';
    expect((await expectOk(t.gql(ENFORCE, { f: future }, officer))).enforceAssessmentsFrom.from).toBe(future);
    expect((await expectOk(t.gql('{ assessmentEnforcement { from } }', {}, auditor))).assessmentEnforcement.from).toBe(future);
    const events = (await t.gql('{ auditEvents(filter: { action: "settings.assessment_enforcement_set" }) { edges { node { before after } } } }')).data!.auditEvents.edges;
    expect(events.map((e: any) => e.node.after.from).sort()).toEqual([past, future].sort());
  });
});
