import { findApplicableClause } from './clauses';

const clauses = [
  { topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' },
  { topic: 'SHARING', subject: 'device:third_party', value: 'PROHIBITED' },
  { topic: 'SHARING', subject: 'device.location:*', value: 'CONSENT' },
  { topic: 'RETENTION', subject: '*', value: '730' },
  { topic: 'RETENTION', subject: 'device.log', value: '180' },
  { topic: 'RIGHT', subject: 'ACCESS', value: 'GRANTED' },
];

describe('findApplicableClause', () => {
  it('should prefer the exact clause', () => {
    expect(findApplicableClause(clauses, 'RETENTION', 'device.log')?.value).toBe('180');
  });

  it('should fall back to the nearest ancestor, then to *', () => {
    expect(findApplicableClause(clauses, 'RETENTION', 'device.log.crash')?.value).toBe('180');
    expect(findApplicableClause(clauses, 'RETENTION', 'user.contact.email')?.value).toBe('730');
  });

  it('should compare category depth before recipient depth', () => {
    // device.location:* (depth 2, 0) is nearer than device:third_party (depth 1, 1)
    expect(findApplicableClause(clauses, 'SHARING', 'device.location:third_party')?.value).toBe('CONSENT');
    expect(findApplicableClause(clauses, 'SHARING', 'device.camera:third_party')?.value).toBe('PROHIBITED');
    expect(findApplicableClause(clauses, 'SHARING', 'user.account:third_party')?.value).toBe('CONSENT');
  });

  it('should not treat a key prefix that is not a parent as an ancestor', () => {
    expect(findApplicableClause([{ topic: 'RETENTION', subject: 'device.log', value: '1' }], 'RETENTION', 'device.logger')).toBeUndefined();
  });

  it('should match rights exactly', () => {
    expect(findApplicableClause(clauses, 'RIGHT', 'ACCESS')?.value).toBe('GRANTED');
    expect(findApplicableClause(clauses, 'RIGHT', 'DELETE')).toBeUndefined();
  });
});
