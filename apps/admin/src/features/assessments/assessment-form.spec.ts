import { draftErrors, draftInput, fieldOfArgument, saveDraftInput, submitErrors, valuesOf } from './assessment-form';

const values = valuesOf({
  answers: [
    { questionId: 'processing.nature', question: 'Nature?', answer: 'Voice.' },
    { questionId: 'processing.purposes', question: 'Purposes?', answer: null },
    { questionId: 'processing.scope', question: 'Scope?', answer: '  Many users. ' },
  ],
  risks: [{ description: ' Leak ', likelihood: 'LOW', severity: 'HIGH', mitigation: 'Encrypt', residual: 'LOW' }],
  reviewDueAt: null,
});
const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('saveDraftInput', () => {
  it('should name the saved draft and the version read, with the same content a new draft would send', () => {
    const input = saveDraftInput(values, { id: 'as1', version: 4 });
    const { kind: _kind, serviceKey: _key, ...content } = draftInput(values, { kind: 'DPIA', serviceKey: 'lens' });
    expect(input).toEqual({ id: 'as1', expectedVersion: 4, ...content });
    expect(input).not.toHaveProperty('kind');
  });
});

describe('draftInput', () => {
  it('should send the answered questions only, trimmed, and every risk', () => {
    const input = draftInput(values, { kind: 'DPIA', serviceKey: 'lens' });
    expect(input.answers).toEqual([
      { questionId: 'processing.nature', answer: 'Voice.' },
      { questionId: 'processing.scope', answer: 'Many users.' },
    ]);
    expect(input.risks[0].description).toBe('Leak');
    expect(input).not.toHaveProperty('sharingArrangementId');
    expect(draftInput(values, { kind: 'TIA', serviceKey: 'lens', sharingArrangementId: 'sh1' }).sharingArrangementId).toBe('sh1');
  });
});

describe('fieldOfArgument', () => {
  it('should place an answer the API names by its position among those sent on the question it answers', () => {
    const input = draftInput(values, { kind: 'DPIA', serviceKey: 'lens' });
    // input.answers[1] is the third question: the second one was blank and not sent.
    expect(fieldOfArgument('input.answers[1].answer', input, values)).toBe('answers.2.answer');
    expect(fieldOfArgument('input.risks[0].mitigation', input, values)).toBe('risks.0.mitigation');
    expect(fieldOfArgument('input.reviewDueAt', input, values)).toBe('reviewDueAt');
    expect(fieldOfArgument('input.kind', input, values)).toBeNull();
  });
});

describe('draftErrors and submitErrors', () => {
  it('should let a draft leave questions and the review date blank', () => {
    expect(draftErrors(values, 'DPIA', 1, NOW)).toEqual({});
  });

  it('should refuse a review date more than 12 months away even in a draft', () => {
    expect(draftErrors({ ...values, reviewDueAt: '2028-01-01T00:00:00.000Z' }, 'DPIA', 1, NOW).reviewDueAt).toMatch(/more than 12 months away/);
  });

  it('should need every answer and a review date to submit, naming each blank question', () => {
    const errors = submitErrors(values, 'DPIA', 1, NOW);
    expect(Object.keys(errors).sort()).toEqual(['answers.1.answer', 'reviewDueAt']);
    expect(errors['answers.1.answer']).toBe('Answer this question: submitting needs every answer.');
    expect(errors.reviewDueAt).toBe('No review date is set.');
  });

  it('should name a risk without a mitigation', () => {
    const risky = { ...values, risks: [{ ...values.risks[0], mitigation: ' ' }] };
    expect(draftErrors(risky, 'DPIA', 1, NOW)).toEqual({ 'risks.0.mitigation': 'Mitigation must not be blank.' });
  });
});
