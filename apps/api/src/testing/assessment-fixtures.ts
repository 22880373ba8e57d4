/* Assessment steps shared by the integration specs that need a DPIA or a TIA through its workflow (DESIGN.md section 9). */
import { expectOk } from './fixtures';
import type { TestServer } from './test-server';

const DAY_MS = 24 * 3600 * 1000;
const QUESTIONNAIRE = 'query($k: AssessmentKind!) { assessmentQuestionnaire(kind: $k) { questions { id } } }';
const DRAFT = 'mutation($i: DraftAssessmentInput!) { draftAssessment(input: $i) { id version status } }';
const SUBMIT = 'mutation($id: ID!, $v: Int!) { submitAssessment(id: $id, expectedVersion: $v) { id version status } }';
const APPROVE = 'mutation($i: DecideAssessmentInput!) { approveAssessment(input: $i) { id version status } }';

export interface AssessmentStep {
  id: string;
  version: number;
  status: string;
}

/**
 * Drafts an assessment with every question of its questionnaire answered,
 * a LOW residual risk and a review due in 180 days of `now` unless `input` says otherwise.
 */
export async function draftAssessment(t: TestServer, author: string, now: Date, input: { kind: 'DPIA' | 'TIA'; serviceKey: string } & Record<string, unknown>): Promise<AssessmentStep> {
  const questions = (await expectOk(t.gql(QUESTIONNAIRE, { k: input.kind }, author))).assessmentQuestionnaire.questions as { id: string }[];
  const i = {
    answers: questions.map((q) => ({ questionId: q.id, answer: `answer to ${q.id}` })),
    risks: [{ description: 'unwanted access', likelihood: 'LOW', severity: 'HIGH', mitigation: 'encrypted, keys in the EU', residual: 'LOW' }],
    reviewDueAt: new Date(now.getTime() + 180 * DAY_MS).toISOString(),
    ...input,
  };
  return (await expectOk(t.gql(DRAFT, { i }, author))).draftAssessment;
}

export async function submitAssessment(t: TestServer, author: string, a: AssessmentStep): Promise<AssessmentStep> {
  return (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, author))).submitAssessment;
}

export async function approveAssessment(t: TestServer, officer: string, a: AssessmentStep): Promise<AssessmentStep> {
  return (await expectOk(t.gql(APPROVE, { i: { id: a.id, expectedVersion: a.version } }, officer))).approveAssessment;
}
