import { type AnswerInput, assessmentQuestionnaire, unansweredQuestions } from './questionnaire';
import type { AssessmentQuestionnaire } from './questionnaires';
import { reviewDueProblem } from './review-due';
import type { AssessmentKind, AssessmentRisk, PriorConsultation, StoredAssessmentStatus } from './vocabulary';

export const ASSESSMENT_ACTIONS = ['submit', 'approve', 'reject'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

const ALLOWED_FROM: Readonly<Record<AssessmentAction, readonly StoredAssessmentStatus[]>> = {
  submit: ['DRAFT'],
  approve: ['IN_REVIEW'],
  reject: ['IN_REVIEW'],
};

const NEXT: Readonly<Record<AssessmentAction, StoredAssessmentStatus>> = { submit: 'IN_REVIEW', approve: 'APPROVED', reject: 'REJECTED' };

/**
 * Checks an assessment transition needs, shown to the reviewer like the
 * sharing checks. Submitting needs the first two; approving all four.
 */
export const ASSESSMENT_CHECK_NAMES = ['ANSWERS_COMPLETE', 'REVIEW_DUE_VALID', 'SEPARATION_OF_DUTIES', 'PRIOR_CONSULTATION'] as const;
export type AssessmentCheckName = (typeof ASSESSMENT_CHECK_NAMES)[number];

const NEEDED_BY: Readonly<Record<AssessmentAction, readonly AssessmentCheckName[]>> = {
  submit: ['ANSWERS_COMPLETE', 'REVIEW_DUE_VALID'],
  approve: ASSESSMENT_CHECK_NAMES,
  reject: [],
};

export interface AssessmentCheck {
  name: AssessmentCheckName;
  passed: boolean;
  message: string;
}

/** The facts of an assessment its transitions read. */
export interface AssessmentUnderReview {
  kind: AssessmentKind;
  status: StoredAssessmentStatus;
  authorId: string;
  questionnaireVersion: number;
  answers: readonly AnswerInput[];
  risks: readonly Pick<AssessmentRisk, 'residual'>[];
  reviewDueAt: Date | null;
  priorConsultation: PriorConsultation | null;
}

export interface AssessmentChecksInput {
  assessment: AssessmentUnderReview;
  /** The officer about to approve (the viewer, when an officer looks); null when nobody approves. */
  approverId: string | null;
  now: Date;
  /** Defaults to the assessment's own questionnaire version. */
  questionnaire?: AssessmentQuestionnaire;
}

/** The four checks, evaluated live, in {@link ASSESSMENT_CHECK_NAMES} order. */
export function evaluateAssessmentChecks(input: AssessmentChecksInput): AssessmentCheck[] {
  const { assessment, now } = input;
  const questionnaire = input.questionnaire ?? assessmentQuestionnaire(assessment.kind, assessment.questionnaireVersion);
  const missing = unansweredQuestions(questionnaire, assessment.answers);
  const due = reviewDueProblem(assessment.reviewDueAt, now);
  const high = assessment.risks.filter((r) => r.residual === 'HIGH').length;

  let separation: AssessmentCheck;
  if (input.approverId === null) separation = { name: 'SEPARATION_OF_DUTIES', passed: true, message: 'checked against the approving officer at approval time' };
  else if (input.approverId === assessment.authorId) separation = { name: 'SEPARATION_OF_DUTIES', passed: false, message: 'the approver wrote this assessment' };
  else separation = { name: 'SEPARATION_OF_DUTIES', passed: true, message: 'the approver did not write this assessment' };

  let consultation: AssessmentCheck;
  if (high === 0) consultation = { name: 'PRIOR_CONSULTATION', passed: true, message: 'no residual risk is HIGH' };
  else if (assessment.priorConsultation) {
    const c = assessment.priorConsultation;
    consultation = { name: 'PRIOR_CONSULTATION', passed: true, message: `${high} HIGH residual risk(s); ${c.authority} was consulted on ${c.consultedAt.toISOString()}: ${c.outcome}` };
  } else {
    consultation = { name: 'PRIOR_CONSULTATION', passed: false, message: `${high} residual risk(s) remain HIGH: record the prior consultation of the supervisory authority (GDPR Art. 36) first` };
  }

  return [
    {
      name: 'ANSWERS_COMPLETE',
      passed: missing.length === 0,
      message: missing.length === 0 ? `every question of ${questionnaire.kind} questionnaire v${questionnaire.version} is answered` : `unanswered: ${missing.join(', ')}`,
    },
    { name: 'REVIEW_DUE_VALID', passed: due === null, message: due ?? `review due on ${assessment.reviewDueAt?.toISOString()}` },
    separation,
    consultation,
  ];
}

export type AssessmentTransitionResult =
  | { ok: true; status: StoredAssessmentStatus; approvedAt: Date | null }
  | { ok: false; code: 'BAD_USER_INPUT'; argument: string; message: string }
  | { ok: false; code: 'INVALID_TRANSITION'; message: string }
  | { ok: false; code: 'CHECKS_FAILED'; failed: AssessmentCheck[]; message: string };

export interface AssessmentTransitionInput extends AssessmentChecksInput {
  action: AssessmentAction;
  /** The decision's comment; a rejection needs one. */
  comment?: string | null;
}

/**
 * DRAFT -submit-> IN_REVIEW -approve-> APPROVED, IN_REVIEW -reject->
 * REJECTED (DESIGN.md section 9). Errors in the API's order: BAD_USER_INPUT
 * (a rejection without a comment), INVALID_TRANSITION, CHECKS_FAILED
 * naming the checks that fail (submit: every question answered and a valid
 * review date; approve: those again, separation of duties, and a recorded
 * prior consultation when a residual risk is HIGH). For approve,
 * `approverId` is the acting officer. An approval is dated `now`.
 */
export function assessmentTransition(input: AssessmentTransitionInput): AssessmentTransitionResult {
  const { action, assessment } = input;
  if (action === 'reject' && !(input.comment ?? '').trim()) {
    return { ok: false, code: 'BAD_USER_INPUT', argument: 'input.comment', message: 'a rejection needs a comment saying why' };
  }
  if (!ALLOWED_FROM[action].includes(assessment.status)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: `cannot ${action} an assessment that is ${assessment.status}` };
  }
  const failed = evaluateAssessmentChecks(input).filter((c) => !c.passed && NEEDED_BY[action].includes(c.name));
  if (failed.length) {
    return { ok: false, code: 'CHECKS_FAILED', failed, message: `cannot ${action}: ${failed.map((c) => `${c.name} (${c.message})`).join('; ')}` };
  }
  return { ok: true, status: NEXT[action], approvedAt: action === 'approve' ? input.now : null };
}

/** The actions the state machine allows from `status`, whoever takes them. */
export function assessmentActionsFrom(status: StoredAssessmentStatus): AssessmentAction[] {
  return ASSESSMENT_ACTIONS.filter((a) => ALLOWED_FROM[a].includes(status));
}

/** Answers, risks and the review date change only in DRAFT. */
export function canEditAssessment(status: StoredAssessmentStatus): boolean {
  return status === 'DRAFT';
}

/** A prior consultation is recorded before the decision: in DRAFT or IN_REVIEW. */
export function canRecordPriorConsultation(status: StoredAssessmentStatus): boolean {
  return status === 'DRAFT' || status === 'IN_REVIEW';
}
