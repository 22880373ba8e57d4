import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalLayer } from '../testing/builders';
import { lockedViolations } from './locked-violations';

describe('lockedViolations', () => {
  const taxonomy = Taxonomy.default();
  const g = globalLayer([
    clause('RIGHT', 'DELETE', 'GRANTED', { locked: true }),
    clause('SHARING', 'device.log:third_party', 'PROHIBITED', { locked: true }),
    clause('SHARING', 'device.location:third_party', 'PROHIBITED', { locked: true }),
    clause('USE', '*:marketing.email', 'CONSENT', { locked: true }),
    clause('RETENTION', '*', '365'),
  ]);

  it('should accept service clauses that respect the locked ones', () => {
    const service = [clause('RIGHT', 'DELETE', 'GRANTED'), clause('RETENTION', 'device', '400'), clause('SHARING', 'user:third_party', 'ALLOWED')];
    expect(lockedViolations(g, service, taxonomy)).toEqual([]);
  });

  it('should name a service clause that weakens a locked clause directly', () => {
    const service = [clause('RETENTION', 'device', '30'), clause('RIGHT', 'DELETE', 'NOT_GRANTED')];
    expect(lockedViolations(g, service, taxonomy)).toEqual([
      {
        serviceClauseIndex: 1,
        serviceClause: service[1],
        topic: 'RIGHT',
        subject: 'DELETE',
        globalSubject: 'DELETE',
        globalValue: 'GRANTED',
        globalPolicyKey: 'general',
        globalPolicyVersion: 2,
      },
    ]);
  });

  it('should name a service clause on an ancestor that reaches a locked non-sensitive clause', () => {
    const [v] = lockedViolations(g, [clause('SHARING', 'device:third_party', 'ALLOWED')], taxonomy);
    expect(v).toMatchObject({ serviceClauseIndex: 0, subject: 'device.log:third_party', globalSubject: 'device.log:third_party' });
  });

  it('should not count a sensitive category reached through an ancestor, which keeps the global value anyway', () => {
    const locked = globalLayer([clause('SHARING', 'device.location:third_party', 'PROHIBITED', { locked: true })]);
    expect(lockedViolations(locked, [clause('SHARING', 'device:third_party', 'ALLOWED')], taxonomy)).toEqual([]);
  });

  it('should catch a crossing subject that weakens a locked clause', () => {
    const [v] = lockedViolations(g, [clause('USE', 'user.contact.email:*', 'ALLOWED')], taxonomy);
    expect(v).toMatchObject({ serviceClauseIndex: 0, subject: 'user.contact.email:marketing.email', globalSubject: '*:marketing.email' });
  });

  it('should find nothing without a global version', () => {
    expect(lockedViolations(null, [clause('RIGHT', 'DELETE', 'NOT_GRANTED')], taxonomy)).toEqual([]);
  });
});
