import { Taxonomy } from '../taxonomy/taxonomy';
import { type ClauseCandidate, validateClauseSet } from './validate-clause-set';
import { CLAUSE_TOPICS, topicsFor } from './topics';

describe('validateClauseSet', () => {
  const taxonomy = Taxonomy.default();
  const global = { scope: 'GLOBAL' as const, taxonomy };
  const service = { scope: 'SERVICE' as const, taxonomy };
  const valid: ClauseCandidate[] = [
    { topic: 'COLLECTION', subject: 'user.contact.email', value: 'CONSENT' },
    { topic: 'USE', subject: '*:marketing.email', value: 'CONSENT', locked: true },
    { topic: 'SHARING', subject: 'device.location:third_party', value: 'PROHIBITED', text: 'We never sell location.' },
    { topic: 'RETENTION', subject: 'device.log', value: '90' },
    { topic: 'RETENTION', subject: '*', value: 'UNLIMITED' },
    { topic: 'ENCRYPTION', subject: 'user', value: 'AT_REST_AND_IN_TRANSIT' },
    { topic: 'RIGHT', subject: 'DELETE', value: 'GRANTED' },
    { topic: 'COMMUNICATION', subject: 'announcement', value: 'MANDATORY' },
    { topic: 'MINORS', subject: 'guardian_consent_age', value: '18' },
    { topic: 'AMENDMENT', subject: 'notice_days', value: '30' },
  ];

  it('should accept a valid global clause set', () => {
    expect(validateClauseSet(valid, global)).toEqual([]);
  });

  it('should accept a valid service clause set', () => {
    expect(validateClauseSet(valid.filter((c) => c.topic !== 'AMENDMENT').map((c) => ({ ...c, locked: false })), service)).toEqual([]);
  });

  it('should accept an empty clause set', () => {
    expect(validateClauseSet([], service)).toEqual([]);
  });

  it('should name an unknown topic', () => {
    expect(validateClauseSet([{ topic: 'PRIVACY', subject: 'user', value: 'ALLOWED' }], global)).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_TOPIC', index: 0, field: 'topic', offending: 'PRIVACY' }),
    ]);
  });

  it('should name a malformed subject', () => {
    const [e] = validateClauseSet([valid[0], { topic: 'USE', subject: 'user.contact.email', value: 'ALLOWED' }], global);
    expect(e).toMatchObject({ code: 'MALFORMED_SUBJECT', index: 1, field: 'subject', offending: 'user.contact.email' });
    expect(e.message).toMatch(/^clauses\[1\]\.subject: /);
  });

  it('should name an unknown category key', () => {
    expect(validateClauseSet([{ topic: 'SHARING', subject: 'device.gps:third_party', value: 'ALLOWED' }], global)).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_CATEGORY', index: 0, field: 'subject', offending: 'device.gps' }),
    ]);
  });

  it('should name an unknown use key', () => {
    expect(validateClauseSet([{ topic: 'USE', subject: 'user:advertising', value: 'ALLOWED' }], global)).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_USE', field: 'subject', offending: 'advertising' }),
    ]);
  });

  it('should name a value off the scale', () => {
    const errors = validateClauseSet([{ topic: 'RETENTION', subject: 'user', value: 'FOREVER' }, { topic: 'SHARING', subject: '*:public', value: 'OPT_IN' }], global);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'VALUE_OFF_SCALE', index: 0, field: 'value', offending: 'FOREVER' }),
      expect.objectContaining({ code: 'VALUE_OFF_SCALE', index: 1, field: 'value', offending: 'OPT_IN' }),
    ]);
    expect(errors[0].message).toMatch(/UNLIMITED/);
  });

  it('should name a duplicate (topic, subject) and the clause it repeats', () => {
    const errors = validateClauseSet([valid[0], valid[1], { ...valid[0], value: 'ALLOWED' }], global);
    expect(errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_SUBJECT', index: 2, offending: 'user.contact.email' })]);
    expect(errors[0].message).toContain('clauses[0]');
  });

  it('should allow the same subject under different topics', () => {
    expect(validateClauseSet([{ topic: 'COLLECTION', subject: 'user', value: 'ALLOWED' }, { topic: 'RETENTION', subject: 'user', value: '30' }], global)).toEqual([]);
  });

  it('should refuse an AMENDMENT clause in a SERVICE policy', () => {
    expect(validateClauseSet([{ topic: 'AMENDMENT', subject: 'notice_days', value: '30' }], service)).toEqual([
      expect.objectContaining({ code: 'AMENDMENT_IN_SERVICE_POLICY', index: 0, field: 'topic' }),
    ]);
  });

  it('should refuse a locked SERVICE clause', () => {
    expect(validateClauseSet([{ topic: 'RIGHT', subject: 'ACCESS', value: 'GRANTED', locked: true }], service)).toEqual([
      expect.objectContaining({ code: 'LOCKED_IN_SERVICE_POLICY', index: 0, field: 'locked' }),
    ]);
  });

  it('should report several problems of one clause', () => {
    const codes = validateClauseSet([{ topic: 'USE', subject: 'device.gps:ads', value: 'NOPE' }], global).map((e) => e.code);
    expect(codes).toEqual(['UNKNOWN_CATEGORY', 'UNKNOWN_USE', 'VALUE_OFF_SCALE']);
  });
});

describe('topicsFor', () => {
  it('should offer a service policy every topic but the global-only ones', () => {
    expect(topicsFor('GLOBAL')).toEqual([...CLAUSE_TOPICS]);
    expect(topicsFor('SERVICE')).toEqual(CLAUSE_TOPICS.filter((t) => t !== 'AMENDMENT'));
  });
});
