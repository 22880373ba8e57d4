import { day } from '../testing/transfer-builders';
import { assessmentQuestionnaire } from './questionnaire';
import { type AssessmentDraftInput, MAX_ANSWER_LENGTH, assessmentDraftErrors, priorConsultationErrors } from './validate-draft';
import type { AssessmentRisk } from './vocabulary';

const now = day('2026-03-01');
const tia = assessmentQuestionnaire('TIA', 1);
const risk = (over: Partial<AssessmentRisk> = {}): AssessmentRisk => ({
  description: 'public authorities read the data',
  likelihood: 'LOW',
  severity: 'HIGH',
  mitigation: 'encryption with keys held in the EEA',
  residual: 'LOW',
  ...over,
});
const draft = (over: Partial<AssessmentDraftInput> = {}): AssessmentDraftInput => ({
  answers: [{ questionId: 'transfer.map', answer: 'logs to the US' }],
  risks: [risk()],
  reviewDueAt: day('2027-01-01'),
  ...over,
});
const errors = (over: Partial<AssessmentDraftInput> = {}) => assessmentDraftErrors(draft(over), tia, now);

describe('assessmentDraftErrors', () => {
  it('should accept a well-formed draft, blanks and a missing review date included', () => {
    expect(errors()).toEqual([]);
    expect(errors({ answers: [{ questionId: 'transfer.tool', answer: '' }], risks: [], reviewDueAt: null })).toEqual([]);
  });

  it('should refuse an answer to a question its version does not ask', () => {
    expect(errors({ answers: [{ questionId: 'processing.nature', answer: 'x' }] })).toEqual([
      { argument: 'input.answers[0].questionId', message: '"processing.nature" is not a question of TIA questionnaire v1' },
    ]);
  });

  it('should refuse a question answered twice', () => {
    const twice = [{ questionId: 'transfer.map', answer: 'a' }, { questionId: 'transfer.map', answer: 'b' }];
    expect(errors({ answers: twice })).toEqual([{ argument: 'input.answers[1].questionId', message: 'question transfer.map is answered twice' }]);
  });

  it('should refuse an answer that is too long', () => {
    expect(errors({ answers: [{ questionId: 'transfer.map', answer: 'x'.repeat(MAX_ANSWER_LENGTH + 1) }] })[0].argument).toBe('input.answers[0].answer');
  });

  it.each([
    ['a blank description', { description: ' ' }, 'input.risks[0].description'],
    ['a blank mitigation', { mitigation: '' }, 'input.risks[0].mitigation'],
    ['a likelihood off the scale', { likelihood: 'EXTREME' as never }, 'input.risks[0].likelihood'],
    ['a residual off the scale', { residual: 'NONE' as never }, 'input.risks[0].residual'],
  ])('should refuse a risk with %s', (_what, over, argument) => {
    expect(errors({ risks: [risk(over)] }).map((e) => e.argument)).toEqual([argument]);
  });

  it('should refuse a review date in the past or beyond 12 months, saying the latest allowed', () => {
    expect(errors({ reviewDueAt: day('2026-01-01') })[0]).toMatchObject({ argument: 'input.reviewDueAt' });
    expect(errors({ reviewDueAt: day('2027-03-02') })[0].message).toContain('no later than 2027-03-01T00:00:00.000Z');
  });
});

describe('priorConsultationErrors', () => {
  const consultation = { authority: 'CNIL', consultedAt: day('2026-02-20'), outcome: 'no objection' };

  it('should accept a consultation that took place', () => {
    expect(priorConsultationErrors(consultation, now)).toEqual([]);
  });

  it('should need an authority and an outcome, and a date not in the future', () => {
    expect(priorConsultationErrors({ authority: ' ', consultedAt: day('2026-03-02'), outcome: '' }, now).map((e) => e.argument)).toEqual(['authority', 'outcome', 'consultedAt']);
  });
});
