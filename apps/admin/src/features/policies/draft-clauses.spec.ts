import { Taxonomy } from '@canopy/domain';
import { draftProblems, toClauseInputs, type DraftClause } from './draft-clauses';

const clause = (c: Partial<DraftClause>): DraftClause => ({ topic: 'COLLECTION', subject: 'device.location', value: 'CONSENT', locked: false, text: '', ...c });
const taxonomy = Taxonomy.default();

describe('draftProblems', () => {
  it('should accept a valid clause set, a COMMUNICATION * clause included', () => {
    const rows = [
      clause({}),
      clause({ topic: 'RETENTION', subject: '*', value: 'UNLIMITED' }),
      clause({ topic: 'SHARING', subject: '*:third_party', value: 'PROHIBITED' }),
      clause({ topic: 'COMMUNICATION', subject: '*', value: 'OPT_IN' }),
    ];
    expect(draftProblems(rows, 'GLOBAL', taxonomy).size).toBe(0);
  });

  it('should reject a value off the scale, in words', () => {
    expect(draftProblems([clause({ value: 'MAYBE' })], 'GLOBAL', taxonomy).get(0)).toEqual(['Choose one of PROHIBITED, CONSENT, ALLOWED.']);
    expect(draftProblems([clause({ topic: 'RETENTION', subject: '*', value: '12.5' })], 'GLOBAL', taxonomy).get(0)).toEqual(['Enter a whole number of days or UNLIMITED.']);
    expect(draftProblems([clause({ topic: 'MINORS', subject: 'guardian_consent_age', value: 'sixteen' })], 'GLOBAL', taxonomy).get(0)).toEqual(['Enter a whole number of years.']);
    expect(draftProblems([clause({ value: ' ' })], 'GLOBAL', taxonomy).get(0)).toEqual(['Choose a value.']);
  });

  it('should reject a malformed subject, saying its shape', () => {
    expect(draftProblems([clause({ topic: 'SHARING', subject: 'device.location:friends' })], 'GLOBAL', taxonomy).get(0)?.[0]).toMatch(/third_party, affiliate or public/);
    expect(draftProblems([clause({ topic: 'RIGHT', subject: 'FORGET', value: 'GRANTED' })], 'GLOBAL', taxonomy).get(0)).toEqual([
      'The subject must be one of ACCESS, CORRECT, DELETE, EXPORT, UNSUBSCRIBE.',
    ]);
    expect(draftProblems([clause({ subject: '' })], 'GLOBAL', taxonomy).get(0)).toEqual(['Enter a subject.']);
  });

  it('should name a key the taxonomy does not hold once it is loaded, and leave it to the server before', () => {
    expect(draftProblems([clause({ subject: 'device.teleport' })], 'GLOBAL', taxonomy).get(0)).toEqual(['“device.teleport” is not a data category of the taxonomy.']);
    expect(draftProblems([clause({ subject: 'device.teleport' })], 'GLOBAL', null).size).toBe(0);
  });

  it('should reject a duplicate topic and subject, trimmed as it is sent', () => {
    expect(draftProblems([clause({}), clause({ subject: ' device.location ', value: 'ALLOWED' })], 'GLOBAL', taxonomy).get(1)).toEqual([
      'Duplicate of clause 1: one clause per topic and subject.',
    ]);
  });

  it('should reject AMENDMENT in a service policy', () => {
    expect(draftProblems([clause({ topic: 'AMENDMENT', subject: 'notice_days', value: '30' })], 'SERVICE', taxonomy).get(0)).toEqual([
      'AMENDMENT clauses belong to the global policy only.',
    ]);
  });
});

describe('toClauseInputs', () => {
  it('should trim, drop empty texts and keep locks in the global policy only', () => {
    const row = clause({ subject: ' device.log ', value: 'ALLOWED ', locked: true, text: ' ' });
    expect(toClauseInputs([row], 'GLOBAL')).toEqual([{ topic: 'COLLECTION', subject: 'device.log', value: 'ALLOWED', locked: true }]);
    expect(toClauseInputs([row], 'SERVICE')[0].locked).toBe(false);
  });
});
