import type { AnswerInput } from './questionnaire';
import type { AssessmentQuestionnaire } from './questionnaires';
import { latestReviewDue, reviewDueProblem } from './review-due';
import { type AssessmentRisk, type PriorConsultation, RISK_LEVELS } from './vocabulary';

export const MAX_ANSWER_LENGTH = 10_000;
export const MAX_RISK_TEXT_LENGTH = 2_000;
export const MAX_RISKS = 50;

/** One problem with a draft, named by the argument path the API reports (`BAD_USER_INPUT`). */
export interface AssessmentInputError {
  argument: string;
  message: string;
}

export interface AssessmentDraftInput {
  answers: readonly AnswerInput[];
  risks: readonly AssessmentRisk[];
  reviewDueAt?: Date | null;
}

/**
 * Problems with drafting (or redrafting) an assessment on `questionnaire`
 * at `now`; empty when it can be saved. A draft may leave questions blank
 * and the review date unset (submitting needs them); what it does give must
 * be well formed: answers only to questions of this version, each once;
 * risks with a description, a mitigation and levels on LOW/MEDIUM/HIGH; a
 * review date after `now` and at most 12 months away.
 */
export function assessmentDraftErrors(input: AssessmentDraftInput, questionnaire: AssessmentQuestionnaire, now: Date): AssessmentInputError[] {
  const errors: AssessmentInputError[] = [];
  const asked = new Set(questionnaire.questions.map((q) => q.id));
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    const at = `input.answers[${i}]`;
    if (!asked.has(a.questionId)) {
      errors.push({ argument: `${at}.questionId`, message: `"${a.questionId.slice(0, 60)}" is not a question of ${questionnaire.kind} questionnaire v${questionnaire.version}` });
    } else if (seen.has(a.questionId)) {
      errors.push({ argument: `${at}.questionId`, message: `question ${a.questionId} is answered twice` });
    }
    seen.add(a.questionId);
    if ((a.answer ?? '').length > MAX_ANSWER_LENGTH) errors.push({ argument: `${at}.answer`, message: `an answer may have at most ${MAX_ANSWER_LENGTH} characters` });
  });
  if (input.risks.length > MAX_RISKS) errors.push({ argument: 'input.risks', message: `at most ${MAX_RISKS} risks` });
  input.risks.forEach((r, i) => errors.push(...riskErrors(r, `input.risks[${i}]`)));
  if (input.reviewDueAt) {
    const problem = reviewDueProblem(input.reviewDueAt, now);
    if (problem) errors.push({ argument: 'input.reviewDueAt', message: `${problem}; choose a date after now and no later than ${latestReviewDue(now).toISOString()}` });
  }
  return errors;
}

function riskErrors(risk: AssessmentRisk, at: string): AssessmentInputError[] {
  const errors: AssessmentInputError[] = [];
  for (const field of ['description', 'mitigation'] as const) {
    const text = (risk[field] ?? '').trim();
    if (!text) errors.push({ argument: `${at}.${field}`, message: `${field} must not be blank` });
    else if (text.length > MAX_RISK_TEXT_LENGTH) errors.push({ argument: `${at}.${field}`, message: `${field} may have at most ${MAX_RISK_TEXT_LENGTH} characters` });
  }
  for (const field of ['likelihood', 'severity', 'residual'] as const) {
    if (!(RISK_LEVELS as readonly string[]).includes(risk[field])) errors.push({ argument: `${at}.${field}`, message: `${field} must be one of ${RISK_LEVELS.join(', ')}` });
  }
  return errors;
}

/** Problems with recording a prior consultation at `now` (`BAD_USER_INPUT`): all three parts, and not dated in the future. */
export function priorConsultationErrors(input: PriorConsultation, now: Date): AssessmentInputError[] {
  const errors: AssessmentInputError[] = [];
  if (!input.authority.trim()) errors.push({ argument: 'authority', message: 'name the supervisory authority consulted' });
  if (!input.outcome.trim()) errors.push({ argument: 'outcome', message: "record the authority's outcome or advice" });
  if (input.consultedAt.getTime() > now.getTime()) errors.push({ argument: 'consultedAt', message: 'a consultation is recorded once it took place: the date is in the future' });
  return errors;
}
