import { clause } from '../testing/builders';
import { Taxonomy } from '../taxonomy/taxonomy';
import { ClauseIndex, applicableClause } from './clause-index';

describe('applicableClause', () => {
  const taxonomy = Taxonomy.default();
  const clauses = [
    clause('SHARING', '*:third_party', 'CONSENT'),
    clause('SHARING', 'device:third_party', 'PROHIBITED'),
    clause('SHARING', 'device.log:third_party', 'ALLOWED'),
    clause('USE', 'user:*', 'CONSENT'),
    clause('USE', '*:marketing.email', 'PROHIBITED'),
    clause('USE', 'user.contact:marketing', 'ALLOWED'),
    clause('COMMUNICATION', '*', 'OPT_IN'),
    clause('RIGHT', 'ACCESS', 'GRANTED'),
  ];

  it('should prefer the exact clause', () => {
    expect(applicableClause(clauses, 'SHARING', 'device.log:third_party', taxonomy)?.value).toBe('ALLOWED');
  });

  it('should fall back to the nearest ancestor', () => {
    expect(applicableClause(clauses, 'SHARING', 'device.location:third_party', taxonomy)?.subject).toBe('device:third_party');
    expect(applicableClause(clauses, 'SHARING', 'user.account:third_party', taxonomy)?.subject).toBe('*:third_party');
  });

  it('should compare category depth before use depth', () => {
    expect(applicableClause(clauses, 'USE', 'user.account:marketing.email', taxonomy)?.subject).toBe('user:*');
    expect(applicableClause(clauses, 'USE', 'user.contact.email:marketing.email', taxonomy)?.subject).toBe('user.contact:marketing');
    expect(applicableClause(clauses, 'USE', 'device.log:marketing.email', taxonomy)?.subject).toBe('*:marketing.email');
  });

  it('should match a channel through the wildcard', () => {
    expect(applicableClause(clauses, 'COMMUNICATION', 'marketing.push', taxonomy)?.subject).toBe('*');
  });

  it('should return null when nothing covers the subject', () => {
    expect(applicableClause(clauses, 'SHARING', 'device.log:public', taxonomy)).toBeNull();
    expect(applicableClause(clauses, 'USE', 'device.log:legal', taxonomy)).toBeNull();
    expect(applicableClause(clauses, 'RIGHT', 'DELETE', taxonomy)).toBeNull();
    expect(applicableClause(clauses, 'RETENTION', 'user', taxonomy)).toBeNull();
  });

  it('should return null for a malformed subject', () => {
    expect(applicableClause(clauses, 'SHARING', 'device.log', taxonomy)).toBeNull();
  });

  it('should only let a wildcard subject be covered by a wildcard', () => {
    expect(applicableClause(clauses, 'USE', '*:marketing.email', taxonomy)?.subject).toBe('*:marketing.email');
    expect(applicableClause(clauses, 'USE', '*:legal', taxonomy)).toBeNull();
  });
});

describe('ClauseIndex', () => {
  it('should keep the first clause of a duplicate subject', () => {
    const index = new ClauseIndex([clause('RIGHT', 'ACCESS', 'GRANTED'), clause('RIGHT', 'ACCESS', 'NOT_GRANTED')]);
    expect(index.get('RIGHT', 'ACCESS')?.value).toBe('GRANTED');
    expect(index.add(clause('RIGHT', 'ACCESS', 'NOT_GRANTED'))).toBe(false);
    expect(index.clausesOf('RIGHT')).toHaveLength(1);
    expect(index.hasTopic('USE')).toBe(false);
  });
});
