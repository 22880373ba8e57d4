import { ASSESSMENT_QUESTIONNAIRES, type AssessmentQuestionnaire } from './questionnaires';
import type { AssessmentKind } from './vocabulary';

export class UnknownQuestionnaireError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly kind: AssessmentKind,
    readonly version: number,
  ) {
    super(`there is no ${kind} questionnaire version ${version}`);
    this.name = 'UnknownQuestionnaireError';
  }
}

/**
 * The questionnaire of `kind`: the latest version, or the given one (an
 * assessment keeps the version it was drafted on, so old answers keep
 * their questions). `catalogue` is for tests of later versions.
 */
export function assessmentQuestionnaire(
  kind: AssessmentKind,
  version?: number,
  catalogue: readonly AssessmentQuestionnaire[] = ASSESSMENT_QUESTIONNAIRES,
): AssessmentQuestionnaire {
  const versions = catalogue.filter((q) => q.kind === kind);
  const found = version === undefined ? versions.reduce<AssessmentQuestionnaire | undefined>((a, q) => (!a || q.version > a.version ? q : a), undefined) : versions.find((q) => q.version === version);
  if (!found) throw new UnknownQuestionnaireError(kind, version ?? 0);
  return found;
}

export interface AnswerInput {
  questionId: string;
  answer: string | null;
}

/** The contract's `AssessmentAnswer`: every question of the version, its answer null until answered. */
export interface AnswerSheetRow {
  questionId: string;
  question: string;
  answer: string | null;
}

const answered = (text: string | null | undefined): string | null => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * The questions of `questionnaire` in order with their answers: a blank
 * answer counts as none. Answers to questions the version does not ask are
 * left out (drafting refuses them, see `assessmentDraftErrors`).
 */
export function answerSheet(questionnaire: AssessmentQuestionnaire, answers: readonly AnswerInput[]): AnswerSheetRow[] {
  const byId = new Map(answers.map((a) => [a.questionId, answered(a.answer)]));
  return questionnaire.questions.map((q) => ({ questionId: q.id, question: q.text, answer: byId.get(q.id) ?? null }));
}

/** Ids of the questions still without an answer, in questionnaire order. */
export function unansweredQuestions(questionnaire: AssessmentQuestionnaire, answers: readonly AnswerInput[]): string[] {
  return answerSheet(questionnaire, answers)
    .filter((row) => row.answer === null)
    .map((row) => row.questionId);
}
