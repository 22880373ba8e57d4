import { draftProblems, type DraftClause } from './draft';
import { compareValues } from './scales';

const clause = (c: Partial<DraftClause>): DraftClause => ({ topic: 'COLLECTION', subject: 'device.location', value: 'CONSENT', locked: false, text: '', ...c });

describe('draftProblems', () => {
  it('should accept a valid clause set', () => {
    expect(draftProblems([clause({}), clause({ topic: 'RETENTION', subject: '*', value: 'UNLIMITED' }), clause({ topic: 'SHARING', subject: '*:third_party', value: 'PROHIBITED' })], 'GLOBAL').size).toBe(0);
  });

  it('should reject a value off the scale', () => {
    expect(draftProblems([clause({ value: 'MAYBE' })], 'GLOBAL').get(0)).toEqual(['Choose one of PROHIBITED, CONSENT, ALLOWED.']);
    expect(draftProblems([clause({ topic: 'RETENTION', subject: '*', value: '12.5' })], 'GLOBAL').get(0)?.[0]).toMatch(/whole number of days or UNLIMITED/);
  });

  it('should reject a malformed subject', () => {
    expect(draftProblems([clause({ topic: 'SHARING', subject: 'device.location:friends', value: 'CONSENT' })], 'GLOBAL').get(0)?.[0]).toMatch(/third_party, affiliate or public/);
    expect(draftProblems([clause({ topic: 'RIGHT', subject: 'FORGET', value: 'GRANTED' })], 'GLOBAL').get(0)?.[0]).toMatch(/ACCESS, CORRECT, DELETE/);
  });

  it('should reject a duplicate topic and subject', () => {
    expect(draftProblems([clause({}), clause({ value: 'ALLOWED' })], 'GLOBAL').get(1)).toEqual(['Duplicate of clause 1: one clause per topic and subject.']);
  });

  it('should reject AMENDMENT and locks in a service policy', () => {
    const problems = draftProblems([clause({ topic: 'AMENDMENT', subject: 'notice_days', value: '30' }), clause({ locked: true })], 'SERVICE');
    expect(problems.get(0)?.[0]).toMatch(/global policy only/);
    expect(problems.get(1)).toEqual(['Only global clauses can be locked.']);
  });
});

describe('compareValues', () => {
  it('should order each scale from most to least protective', () => {
    expect(compareValues('SHARING', 'ALLOWED', 'PROHIBITED')).toBe('WEAKER');
    expect(compareValues('RETENTION', '30', '180')).toBe('STRICTER');
    expect(compareValues('RETENTION', 'UNLIMITED', '3650')).toBe('WEAKER');
    expect(compareValues('MINORS', '16', '18')).toBe('WEAKER');
    expect(compareValues('COMMUNICATION', 'OPT_IN', 'OPT_IN')).toBe('EQUAL');
    expect(compareValues('ENCRYPTION', 'SOMETIMES', 'NONE')).toBeNull();
  });
});
