import { day } from '../testing/transfer-builders';
import { assessmentQuestionnaire } from './questionnaire';
import {
  ASSESSMENT_ACTIONS,
  type AssessmentTransitionInput,
  type AssessmentUnderReview,
  assessmentActionsFrom,
  assessmentTransition,
  canEditAssessment,
  canRecordPriorConsultation,
  evaluateAssessmentChecks,
} from './state-machine';
import { STORED_ASSESSMENT_STATUSES } from './vocabulary';

const now = day('2026-03-01');
const questionnaire = assessmentQuestionnaire('DPIA', 1);
const allAnswered = questionnaire.questions.map((q) => ({ questionId: q.id, answer: `answer to ${q.id}` }));

const assessment = (over: Partial<AssessmentUnderReview> = {}): AssessmentUnderReview => ({
  kind: 'DPIA',
  status: 'IN_REVIEW',
  authorId: 'eng-1',
  questionnaireVersion: 1,
  answers: allAnswered,
  risks: [{ residual: 'MEDIUM' }],
  reviewDueAt: day('2027-01-01'),
  priorConsultation: null,
  ...over,
});
const transition = (over: Partial<AssessmentTransitionInput> = {}, facts: Partial<AssessmentUnderReview> = {}) =>
  assessmentTransition({ action: 'approve', assessment: assessment(facts), approverId: 'dpo-1', now, comment: 'ok', ...over });

describe('assessmentTransition', () => {
  it('should submit a complete draft, and approve or reject what is in review', () => {
    expect(transition({ action: 'submit', approverId: null }, { status: 'DRAFT' })).toEqual({ ok: true, status: 'IN_REVIEW', approvedAt: null });
    expect(transition({ action: 'approve' })).toEqual({ ok: true, status: 'APPROVED', approvedAt: now });
    expect(transition({ action: 'reject', comment: 'risks are understated' })).toEqual({ ok: true, status: 'REJECTED', approvedAt: null });
  });

  it('should refuse every other transition with INVALID_TRANSITION', () => {
    const allowed = new Set(['DRAFT submit', 'IN_REVIEW approve', 'IN_REVIEW reject']);
    for (const status of STORED_ASSESSMENT_STATUSES) {
      for (const action of ASSESSMENT_ACTIONS) {
        const result = transition({ action }, { status });
        expect([status, action, result.ok]).toEqual([status, action, allowed.has(`${status} ${action}`)]);
        if (!result.ok) expect(result).toMatchObject({ code: 'INVALID_TRANSITION', message: `cannot ${action} an assessment that is ${status}` });
      }
    }
    expect(assessmentActionsFrom('IN_REVIEW')).toEqual(['approve', 'reject']);
    expect(assessmentActionsFrom('APPROVED')).toEqual([]);
  });

  it('should need a comment to reject, before anything else', () => {
    expect(transition({ action: 'reject', comment: '  ' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', argument: 'input.comment' });
    expect(transition({ action: 'reject', comment: null }, { status: 'APPROVED' })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  describe('submit', () => {
    const submit = (facts: Partial<AssessmentUnderReview>) => transition({ action: 'submit', approverId: null }, { status: 'DRAFT', ...facts });

    it('should need every question answered, naming the rest', () => {
      const result = submit({ answers: allAnswered.slice(2) });
      expect(result).toMatchObject({ ok: false, code: 'CHECKS_FAILED' });
      if (result.ok || result.code !== 'CHECKS_FAILED') throw new Error('expected CHECKS_FAILED');
      expect(result.failed.map((c) => [c.name, c.message])).toEqual([['ANSWERS_COMPLETE', 'unanswered: processing.nature, processing.purposes']]);
    });

    it.each([
      ['none', null, 'no review date is set'],
      ['one in the past', day('2026-02-01'), 'is not in the future'],
      ['one more than 12 months away', day('2027-03-02'), 'more than 12 months away (at the latest 2027-03-01T00:00:00.000Z)'],
    ])('should need a valid review date, refusing %s', (_what, reviewDueAt, message) => {
      const result = submit({ reviewDueAt });
      expect(result).toMatchObject({ ok: false, code: 'CHECKS_FAILED', failed: [{ name: 'REVIEW_DUE_VALID', passed: false, message: expect.stringContaining(message) }] });
    });

    it('should accept a review date exactly 12 months away', () => {
      expect(submit({ reviewDueAt: day('2027-03-01') }).ok).toBe(true);
    });

    it('should not ask for separation of duties or a consultation to submit', () => {
      expect(transition({ action: 'submit', approverId: 'eng-1' }, { status: 'DRAFT', risks: [{ residual: 'HIGH' }] }).ok).toBe(true);
    });
  });

  describe('approve', () => {
    it('should refuse the author (separation of duties)', () => {
      expect(transition({ approverId: 'eng-1' })).toMatchObject({ ok: false, code: 'CHECKS_FAILED', failed: [{ name: 'SEPARATION_OF_DUTIES', message: 'the approver wrote this assessment' }] });
    });

    it('should refuse a HIGH residual risk until a prior consultation is recorded', () => {
      const high = { risks: [{ residual: 'LOW' as const }, { residual: 'HIGH' as const }] };
      expect(transition({}, high)).toMatchObject({ ok: false, code: 'CHECKS_FAILED', failed: [{ name: 'PRIOR_CONSULTATION' }] });
      const consulted = { ...high, priorConsultation: { authority: 'CNIL', consultedAt: day('2026-02-20'), outcome: 'no objection' } };
      expect(transition({}, consulted)).toEqual({ ok: true, status: 'APPROVED', approvedAt: now });
    });

    it('should check the review date again: at most 12 months after the approval', () => {
      expect(transition({}, { reviewDueAt: day('2026-02-28') })).toMatchObject({ code: 'CHECKS_FAILED', failed: [{ name: 'REVIEW_DUE_VALID' }] });
      expect(transition({ now: day('2026-01-15') }, { reviewDueAt: day('2027-01-16') })).toMatchObject({ code: 'CHECKS_FAILED' });
    });

    it('should name every failing check at once', () => {
      const result = transition({ approverId: 'eng-1' }, { answers: [], risks: [{ residual: 'HIGH' }], reviewDueAt: null });
      expect(result).toMatchObject({ code: 'CHECKS_FAILED' });
      if (!result.ok && result.code === 'CHECKS_FAILED') expect(result.failed.map((c) => c.name)).toEqual(['ANSWERS_COMPLETE', 'REVIEW_DUE_VALID', 'SEPARATION_OF_DUTIES', 'PRIOR_CONSULTATION']);
    });
  });
});

describe('evaluateAssessmentChecks', () => {
  it('should pass separation of duties for a reviewer who is not approving yet', () => {
    const checks = evaluateAssessmentChecks({ assessment: assessment({ authorId: 'dpo-1' }), approverId: null, now });
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ['ANSWERS_COMPLETE', true],
      ['REVIEW_DUE_VALID', true],
      ['SEPARATION_OF_DUTIES', true],
      ['PRIOR_CONSULTATION', true],
    ]);
  });

  it('should read the answers against the assessment\u2019s own questionnaire version', () => {
    const tia = assessment({ kind: 'TIA', answers: assessmentQuestionnaire('TIA', 1).questions.map((q) => ({ questionId: q.id, answer: 'x' })) });
    expect(evaluateAssessmentChecks({ assessment: tia, approverId: 'dpo-1', now })[0]).toMatchObject({ passed: true, message: 'every question of TIA questionnaire v1 is answered' });
  });
});

describe('editing', () => {
  it('should edit only drafts, and record a consultation before the decision', () => {
    expect(STORED_ASSESSMENT_STATUSES.filter(canEditAssessment)).toEqual(['DRAFT']);
    expect(STORED_ASSESSMENT_STATUSES.filter(canRecordPriorConsultation)).toEqual(['DRAFT', 'IN_REVIEW']);
  });
});
