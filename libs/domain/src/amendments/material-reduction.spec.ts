import { Taxonomy } from '../taxonomy/taxonomy';
import { clause } from '../testing/builders';
import { concreteSubjects } from './concrete-subjects';
import { assessMaterialReduction, profileClauseSet } from './material-reduction';

describe('assessMaterialReduction', () => {
  const taxonomy = Taxonomy.default();

  it('should find no reduction when nothing changes', () => {
    const clauses = [clause('SHARING', '*:third_party', 'CONSENT'), clause('RIGHT', 'ACCESS', 'GRANTED')];
    expect(assessMaterialReduction(clauses, clauses, taxonomy)).toEqual({ materialReduction: false, weakenedSubjects: [], weakened: [] });
  });

  it('should find a reduction when a narrower weaker clause is added under a broader one (DESIGN.md example)', () => {
    const previous = [clause('SHARING', '*:third_party', 'CONSENT')];
    const next = [...previous, clause('SHARING', 'device.log:third_party', 'ALLOWED')];
    const result = assessMaterialReduction(previous, next, taxonomy);
    expect(result.materialReduction).toBe(true);
    expect(result.weakenedSubjects).toEqual(['SHARING device.log:third_party']);
    expect(result.weakened).toEqual([{ topic: 'SHARING', subject: 'device.log:third_party', before: 'CONSENT', after: 'ALLOWED' }]);
  });

  it('should not find a reduction when a clause is split into equal narrower ones', () => {
    const previous = [clause('COLLECTION', 'user', 'CONSENT'), clause('COLLECTION', 'user.contact', 'CONSENT')];
    const next = [
      clause('COLLECTION', 'user', 'CONSENT'),
      clause('COLLECTION', 'user.contact', 'CONSENT'),
      clause('COLLECTION', 'user.contact.email', 'CONSENT'),
      clause('COLLECTION', 'user.contact.phone', 'CONSENT'),
    ];
    expect(assessMaterialReduction(previous, next, taxonomy).materialReduction).toBe(false);
  });

  it('should not find a reduction when only the wording changes', () => {
    const previous = [clause('SHARING', '*:third_party', 'CONSENT')];
    const next = [clause('SHARING', 'user:third_party', 'CONSENT'), clause('SHARING', 'device:third_party', 'CONSENT')];
    expect(assessMaterialReduction(previous, next, taxonomy).materialReduction).toBe(false);
  });

  it('should find a reduction when a clause whose value was not the least protective disappears', () => {
    const result = assessMaterialReduction([clause('RIGHT', 'DELETE', 'GRANTED')], [], taxonomy);
    expect(result).toMatchObject({ materialReduction: true, weakenedSubjects: ['RIGHT DELETE'] });
    expect(result.weakened[0].after).toBeNull();
  });

  it('should not find a reduction when a least-protective clause disappears', () => {
    expect(assessMaterialReduction([clause('RETENTION', 'device.log', 'UNLIMITED'), clause('RIGHT', 'EXPORT', 'NOT_GRANTED')], [], taxonomy).materialReduction).toBe(false);
  });

  it('should find a reduction when a value weakens on any scale', () => {
    const cases = [
      [clause('RETENTION', '*', '30'), clause('RETENTION', '*', '90')],
      [clause('MINORS', 'guardian_consent_age', '16'), clause('MINORS', 'guardian_consent_age', '13')],
      [clause('COMMUNICATION', '*', 'OPT_IN'), clause('COMMUNICATION', '*', 'OPT_OUT')],
      [clause('AMENDMENT', 'notice_days', '30'), clause('AMENDMENT', 'notice_days', '14')],
      [clause('ENCRYPTION', 'user', 'AT_REST_AND_IN_TRANSIT'), clause('ENCRYPTION', 'user', 'IN_TRANSIT')],
    ];
    for (const [before, after] of cases) expect(assessMaterialReduction([before], [after], taxonomy).materialReduction).toBe(true);
  });

  it('should not find a reduction when clauses only get stricter or new ones appear', () => {
    const previous = [clause('USE', '*:*', 'CONSENT')];
    const next = [clause('USE', '*:*', 'PROHIBITED'), clause('RIGHT', 'EXPORT', 'GRANTED'), clause('USE', 'user:legal', 'ALLOWED')];
    expect(assessMaterialReduction(previous, [next[0], next[1]], taxonomy).materialReduction).toBe(false);
    expect(assessMaterialReduction(previous, next, taxonomy).weakenedSubjects).toEqual(['USE user:legal', 'USE user.account:legal', 'USE user.biometric:legal', 'USE user.contact:legal', 'USE user.contact.email:legal', 'USE user.contact.phone:legal', 'USE user.content:legal', 'USE user.content.image:legal', 'USE user.content.video:legal', 'USE user.minor:legal']);
  });

  it('should find no reduction for a first version', () => {
    expect(assessMaterialReduction(null, [clause('RIGHT', 'ACCESS', 'NOT_GRANTED')], taxonomy).materialReduction).toBe(false);
  });

  it('should accept precomputed profiles and give the same answer', () => {
    const previous = [clause('SHARING', '*:third_party', 'CONSENT')];
    const next = [...previous, clause('SHARING', 'device.log:third_party', 'ALLOWED')];
    const profile = profileClauseSet(previous, taxonomy);
    expect(assessMaterialReduction(profile, next, taxonomy)).toEqual(assessMaterialReduction(previous, next, taxonomy));
  });

  it('should refuse a profile computed for another taxonomy', () => {
    const other = taxonomy.withUse({ key: 'marketing.sms', name: 'SMS' });
    expect(() => assessMaterialReduction(profileClauseSet([], other), [], taxonomy)).toThrow(/another taxonomy/);
  });

  it('should sweep every concrete subject of the taxonomy, parents included', () => {
    const subjects = concreteSubjects(taxonomy);
    const n = taxonomy.categories().length;
    const u = taxonomy.uses().length;
    expect(subjects).toHaveLength(n * 3 + n * u + n * 3 + 5 + 3 + 1 + 1);
    expect(subjects).toContainEqual({ topic: 'USE', subject: 'user:marketing' });
    expect(subjects).toContainEqual({ topic: 'SHARING', subject: 'device.location:public' });
    expect(concreteSubjects(taxonomy)).toBe(subjects);
  });

  it('should assess thousands of clause sets quickly', () => {
    const previous = [
      clause('COLLECTION', '*', 'CONSENT'), clause('USE', '*:*', 'CONSENT'), clause('USE', '*:service.provide', 'ALLOWED'),
      clause('USE', 'user.contact:marketing', 'CONSENT'), clause('SHARING', '*:third_party', 'CONSENT'), clause('SHARING', '*:public', 'PROHIBITED'),
      clause('RETENTION', '*', '365'), clause('RETENTION', 'device.log', '90'), clause('ENCRYPTION', '*', 'IN_TRANSIT'),
      clause('RIGHT', 'ACCESS', 'GRANTED'), clause('RIGHT', 'DELETE', 'GRANTED'), clause('COMMUNICATION', '*', 'OPT_IN'),
    ];
    const next = [...previous.slice(1), clause('SHARING', 'device.log:third_party', 'ALLOWED')];
    const profile = profileClauseSet(previous, taxonomy);
    const started = Date.now();
    for (let i = 0; i < 2000; i++) assessMaterialReduction(profile, next, taxonomy);
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(5000);
  });
});
