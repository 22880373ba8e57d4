import canonicalize from 'canonicalize';
import { type AnswerInput, UnknownQuestionnaireError, answerSheet, assessmentQuestionnaire, unansweredQuestions } from './questionnaire';
import { ASSESSMENT_QUESTIONNAIRES, type AssessmentQuestionnaire } from './questionnaires';
import { ASSESSMENT_KINDS } from './vocabulary';

/** FNV-1a (32 bit) of a string: enough to notice any edit of frozen text. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A version 2 that exists for this spec only: v1's questions less one, plus a new one. */
const DPIA_V2: AssessmentQuestionnaire = {
  kind: 'DPIA',
  version: 2,
  questions: [
    ...assessmentQuestionnaire('DPIA', 1).questions.filter((q) => q.id !== 'consultation.people'),
    { id: 'processing.ai', text: 'Does the service train or run machine-learning models on the data?' },
  ],
};
const catalogue = [...ASSESSMENT_QUESTIONNAIRES, DPIA_V2];

describe('assessmentQuestionnaire', () => {
  it.each([
    // Version 1 is frozen: answers are stored against it. Change the text and this fails; add a version instead.
    ['DPIA', '11 questions', 11, 'adf149f8'],
    ['TIA', '7 questions', 7, '0b9d52c6'],
  ] as const)('should keep %s version 1 frozen (%s)', (kind, _what, count, hash) => {
    const v1 = assessmentQuestionnaire(kind, 1);
    expect(v1.questions).toHaveLength(count);
    expect(fnv1a(canonicalize(v1) ?? '')).toBe(hash);
    expect(Object.isFrozen(v1) && Object.isFrozen(v1.questions) && v1.questions.every((q) => Object.isFrozen(q))).toBe(true);
  });

  it('should give stable, unique, dotted ids and plain questions', () => {
    for (const q of ASSESSMENT_QUESTIONNAIRES) {
      const ids = q.questions.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { id, text } of q.questions) {
        expect(id).toMatch(/^[a-z]+\.[a-z_]+$/);
        expect(text).toMatch(/\?$/);
      }
    }
  });

  it('should give the latest version by default and any version asked for', () => {
    for (const kind of ASSESSMENT_KINDS) expect(assessmentQuestionnaire(kind).version).toBe(1);
    expect(assessmentQuestionnaire('DPIA', undefined, catalogue)).toBe(DPIA_V2);
    expect(assessmentQuestionnaire('DPIA', 1, catalogue).version).toBe(1);
  });

  it('should refuse a version that does not exist', () => {
    expect(() => assessmentQuestionnaire('TIA', 2)).toThrow(UnknownQuestionnaireError);
    expect(() => assessmentQuestionnaire('TIA', 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'there is no TIA questionnaire version 2' }));
  });
});

describe('answerSheet', () => {
  const v1 = assessmentQuestionnaire('DPIA', 1);

  it('should list every question, blank until answered', () => {
    const sheet = answerSheet(v1, [{ questionId: 'processing.scope', answer: ' 2 million users ' }, { questionId: 'risks.harms', answer: '   ' }]);
    expect(sheet.map((r) => r.questionId)).toEqual(v1.questions.map((q) => q.id));
    expect(sheet.find((r) => r.questionId === 'processing.scope')).toEqual({ questionId: 'processing.scope', question: v1.questions[2].text, answer: '2 million users' });
    expect(sheet.filter((r) => r.answer !== null)).toHaveLength(1);
    expect(unansweredQuestions(v1, [])).toEqual(v1.questions.map((q) => q.id));
  });

  it('should keep an answer set on the questions of its own version after a later version appears', () => {
    const answers: AnswerInput[] = v1.questions.map((q) => ({ questionId: q.id, answer: `answer to ${q.id}` }));
    const asDrafted = answerSheet(assessmentQuestionnaire('DPIA', 1, catalogue), answers);
    expect(asDrafted.map((r) => r.question)).toEqual(v1.questions.map((q) => q.text));
    expect(unansweredQuestions(assessmentQuestionnaire('DPIA', 1, catalogue), answers)).toEqual([]);
    // the same answers read against version 2 lack its new question and drop the one it retired
    expect(unansweredQuestions(assessmentQuestionnaire('DPIA', 2, catalogue), answers)).toEqual(['processing.ai']);
    expect(answerSheet(DPIA_V2, answers).some((r) => r.questionId === 'consultation.people')).toBe(false);
  });
});
