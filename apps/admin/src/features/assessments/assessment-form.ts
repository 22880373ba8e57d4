import { type AssessmentKind, assessmentDraftErrors, assessmentQuestionnaire, type RiskLevel, reviewDueProblem } from '@canopy/domain';
import type { DraftAssessmentInput, SaveAssessmentDraftInput } from '../../gql/graphql';
import { inWords } from '../../lib/format';

export interface RiskValues {
  description: string;
  likelihood: RiskLevel;
  severity: RiskLevel;
  mitigation: string;
  residual: RiskLevel;
}

/** The editor's values: one answer per question of the questionnaire, in its order (question ids hold dots, so by index). */
export interface AssessmentValues {
  answers: { questionId: string; question: string; answer: string }[];
  risks: RiskValues[];
  /** ISO 8601, or null while unset. */
  reviewDueAt: string | null;
}

export interface AssessmentRecordContent {
  answers: readonly { questionId: string; question: string; answer: string | null }[];
  risks: readonly RiskValues[];
  reviewDueAt: string | null;
}

export const blankRisk = (): RiskValues => ({ description: '', likelihood: 'MEDIUM', severity: 'MEDIUM', mitigation: '', residual: 'LOW' });

/** What the form starts from: a saved assessment (every question listed, blank until answered). */
export function valuesOf(record: AssessmentRecordContent): AssessmentValues {
  return {
    answers: record.answers.map((a) => ({ questionId: a.questionId, question: a.question, answer: a.answer ?? '' })),
    risks: record.risks.map(({ description, likelihood, severity, mitigation, residual }) => ({ description, likelihood, severity, mitigation, residual })),
    reviewDueAt: record.reviewDueAt,
  };
}

/** A draft's content as the API takes it: answered questions only (a blank one stays unanswered), every risk, the review date. */
function draftContent(values: AssessmentValues): Pick<DraftAssessmentInput, 'answers' | 'risks' | 'reviewDueAt'> {
  return {
    answers: values.answers.filter((a) => a.answer.trim() !== '').map((a) => ({ questionId: a.questionId, answer: a.answer.trim() })),
    risks: values.risks.map((r) => ({ ...r, description: r.description.trim(), mitigation: r.mitigation.trim() })),
    reviewDueAt: values.reviewDueAt,
  };
}

/** A new draft (draftAssessment). */
export function draftInput(values: AssessmentValues, subject: { kind: AssessmentKind; serviceKey: string; sharingArrangementId?: string | null }): DraftAssessmentInput {
  return {
    kind: subject.kind,
    serviceKey: subject.serviceKey,
    ...(subject.sharingArrangementId ? { sharingArrangementId: subject.sharingArrangementId } : {}),
    ...draftContent(values),
  };
}

/** A saved draft's new content, against the version the editor read (saveAssessmentDraft). */
export function saveDraftInput(values: AssessmentValues, saved: { id: string; version: number }): SaveAssessmentDraftInput {
  return { id: saved.id, expectedVersion: saved.version, ...draftContent(values) };
}

/**
 * The form field an argument of draftAssessment or saveAssessmentDraft names (`input.answers[2].answer`
 * is the second *answered* question, so `input` maps it back to the form's
 * row), or null when no field shows it.
 */
export function fieldOfArgument(argument: string, input: Pick<DraftAssessmentInput, 'answers'>, values: AssessmentValues): string | null {
  const answer = /^input\.answers\[(\d+)\]/.exec(argument);
  if (answer) {
    const questionId = input.answers[Number(answer[1])]?.questionId;
    const row = values.answers.findIndex((a) => a.questionId === questionId);
    return row < 0 ? null : `answers.${row}.answer`;
  }
  const risk = /^input\.risks\[(\d+)\]\.(\w+)$/.exec(argument);
  if (risk) return `risks.${risk[1]}.${risk[2]}`;
  if (argument === 'input.reviewDueAt') return 'reviewDueAt';
  return null;
}

/** Problems that keep the draft from being saved, by form field, as the API's rules (the domain's) find them. */
export function draftErrors(values: AssessmentValues, kind: AssessmentKind, questionnaireVersion: number, now: Date): Record<string, string> {
  const input = draftInput(values, { kind, serviceKey: '' });
  const problems = assessmentDraftErrors(
    { answers: input.answers, risks: input.risks, reviewDueAt: values.reviewDueAt ? new Date(values.reviewDueAt) : null },
    assessmentQuestionnaire(kind, questionnaireVersion),
    now,
  );
  const fields: Record<string, string> = {};
  for (const p of problems) {
    const field = fieldOfArgument(p.argument, input, values);
    if (field && !fields[field]) fields[field] = inWords(p.message);
  }
  return fields;
}

/** What submitting needs beyond a valid draft: every question answered and a review date at most 12 months away. */
export function submitErrors(values: AssessmentValues, kind: AssessmentKind, questionnaireVersion: number, now: Date): Record<string, string> {
  const fields = draftErrors(values, kind, questionnaireVersion, now);
  values.answers.forEach((a, i) => {
    if (a.answer.trim() === '') fields[`answers.${i}.answer`] ??= 'Answer this question: submitting needs every answer.';
  });
  const due = reviewDueProblem(values.reviewDueAt ? new Date(values.reviewDueAt) : null, now);
  if (due) fields.reviewDueAt ??= inWords(due);
  return fields;
}

/** How many questions are still blank. */
export const unansweredCount = (values: AssessmentValues): number => values.answers.filter((a) => a.answer.trim() === '').length;
