import { ClauseIndex } from '../clauses/clause-index';
import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalLayer, open, resolved, serviceLayer } from '../testing/builders';
import { conflictAsOf } from './conflict-lookup';
import { detectConflicts } from './detect-conflicts';
import { resolveEffectivePolicy } from './fold';
import type { EffectiveClause, PolicyLayer } from './types';

const taxonomy = Taxonomy.default();
const at = (clauses: EffectiveClause[], topic: EffectiveClause['topic'], subject: string) => clauses.find((c) => c.topic === topic && c.subject === subject);
const applying = (clauses: EffectiveClause[], topic: EffectiveClause['topic'], subject: string) => new ClauseIndex(clauses).applicable(topic, subject);

describe('resolveEffectivePolicy', () => {
  it('should be empty without layers', () => {
    expect(resolveEffectivePolicy({ layers: [], taxonomy })).toEqual([]);
  });

  it('should return the global layer itself when the service has no policy', () => {
    const g = globalLayer([clause('COLLECTION', 'user', 'CONSENT', { text: 'We ask first.' }), clause('RIGHT', 'ACCESS', 'GRANTED', { locked: true })]);
    expect(resolveEffectivePolicy({ layers: [g], taxonomy })).toEqual([
      {
        topic: 'COLLECTION', subject: 'user', value: 'CONSENT', source: 'GLOBAL', policyKey: 'general', policyVersion: 2,
        pendingReview: false, conflictId: null, explanation: 'COLLECTION user = CONSENT from global policy general v2',
        clauseSubject: 'user', locked: false, text: 'We ask first.', origin: 'NAMED',
      },
      expect.objectContaining({ topic: 'RIGHT', subject: 'ACCESS', value: 'GRANTED', locked: true }),
    ]);
  });

  it('should keep a global clause the service does not address', () => {
    const [c] = resolveEffectivePolicy({ layers: [globalLayer([clause('RIGHT', 'DELETE', 'GRANTED')]), serviceLayer([])], taxonomy });
    expect(c).toMatchObject({ value: 'GRANTED', source: 'GLOBAL', pendingReview: false });
    expect(c.explanation).toBe('RIGHT DELETE = GRANTED from global policy general v2; service policy maps v3 has no clause on it');
  });

  it('should apply a service clause the global policy does not address', () => {
    const [c] = resolveEffectivePolicy({ layers: [globalLayer([]), serviceLayer([clause('RETENTION', 'device.log', '30')])], taxonomy });
    expect(c).toMatchObject({ value: '30', source: 'SERVICE', policyKey: 'maps', policyVersion: 3 });
    expect(c.explanation).toBe('RETENTION device.log = 30 from service policy maps v3; global policy general v2 has no clause on it');
  });

  it('should apply a stricter service clause without review', () => {
    const clauses = resolveEffectivePolicy({
      layers: [globalLayer([clause('RETENTION', '*', '365')]), serviceLayer([clause('RETENTION', 'device.log', '30')])],
      taxonomy,
    });
    expect(at(clauses, 'RETENTION', 'device.log')).toMatchObject({ value: '30', source: 'SERVICE', pendingReview: false, conflictId: null });
    expect(at(clauses, 'RETENTION', 'device.log')!.explanation).toBe(
      'RETENTION device.log = 30 from service policy maps v3; it is stricter than global policy general v2 (365, clause *)',
    );
    expect(at(clauses, 'RETENTION', '*')).toMatchObject({ value: '365', source: 'GLOBAL' });
  });

  it('should apply an equal service clause without review', () => {
    const [c] = resolveEffectivePolicy({ layers: [globalLayer([clause('RIGHT', 'EXPORT', 'GRANTED')]), serviceLayer([clause('RIGHT', 'EXPORT', 'GRANTED')])], taxonomy });
    expect(c).toMatchObject({ source: 'SERVICE', pendingReview: false });
    expect(c.explanation).toContain('it is the same as global policy general v2 (GRANTED)');
  });

  describe('weaker service clause', () => {
    const g = globalLayer([clause('SHARING', 'device.location:third_party', 'PROHIBITED')]);
    const s = serviceLayer([clause('SHARING', 'device.location:third_party', 'CONSENT')]);
    const facts = { topic: 'SHARING' as const, subject: 'device.location:third_party', globalValue: 'PROHIBITED', serviceValue: 'CONSENT' };

    it('should apply the global value, pending review, while the conflict is OPEN', () => {
      const [c] = resolveEffectivePolicy({ layers: [g, s], conflicts: [open('c1', facts)], taxonomy });
      expect(c).toMatchObject({ value: 'PROHIBITED', source: 'GLOBAL', policyKey: 'general', pendingReview: true, conflictId: 'c1' });
      expect(c.explanation).toBe(
        'SHARING device.location:third_party = PROHIBITED from global policy general v2; service policy maps v3 (CONSENT) is weaker; pending review of conflict c1, the global value applies for now',
      );
    });

    it('should fail safe when the conflict is not recorded yet', () => {
      const [c] = resolveEffectivePolicy({ layers: [g, s], taxonomy });
      expect(c).toMatchObject({ value: 'PROHIBITED', pendingReview: true, conflictId: null });
    });

    it('should apply the service value once resolved SERVICE_PREVAILS, explained as in DESIGN.md', () => {
      const [c] = resolveEffectivePolicy({ layers: [g, s], conflicts: [resolved('c1', facts, 'SERVICE_PREVAILS')], taxonomy });
      expect(c).toMatchObject({ value: 'CONSENT', source: 'SERVICE', policyKey: 'maps', policyVersion: 3, pendingReview: false, conflictId: 'c1' });
      expect(c.explanation).toBe(
        'SHARING device.location:third_party = CONSENT from service policy maps v3; it is weaker than global policy general v2 (PROHIBITED); resolved SERVICE_PREVAILS by dpo@example.com on 2026-11-29: "contract requires it"',
      );
    });

    it('should apply the global value once resolved GLOBAL_PREVAILS', () => {
      const [c] = resolveEffectivePolicy({ layers: [g, s], conflicts: [resolved('c1', facts, 'GLOBAL_PREVAILS')], taxonomy });
      expect(c).toMatchObject({ value: 'PROHIBITED', source: 'GLOBAL', pendingReview: false, conflictId: 'c1' });
      expect(c.explanation).toContain('resolved GLOBAL_PREVAILS by dpo@example.com on 2026-11-29');
    });

    it('should name the conflict a resolution was carried from', () => {
      const [c] = resolveEffectivePolicy({ layers: [g, s], conflicts: [resolved('c2', facts, 'SERVICE_PREVAILS', { carriedFromId: 'c1' })], taxonomy });
      expect(c.explanation).toContain('(carried forward from conflict c1)');
    });

    it('should ignore a conflict recorded for other values', () => {
      const stale = resolved('c0', { ...facts, serviceValue: 'ALLOWED' }, 'SERVICE_PREVAILS');
      const [c] = resolveEffectivePolicy({ layers: [g, s], conflicts: [stale], taxonomy });
      expect(c).toMatchObject({ value: 'PROHIBITED', pendingReview: true, conflictId: null });
    });

    it('should show the conflict OPEN as of an instant before its resolution', () => {
      const conflict = resolved('c1', facts, 'SERVICE_PREVAILS');
      const before = conflictAsOf(conflict, new Date('2026-11-28T00:00:00Z'));
      const after = conflictAsOf(conflict, new Date('2026-11-29T10:00:00Z'));
      expect(resolveEffectivePolicy({ layers: [g, s], conflicts: [before], taxonomy })[0]).toMatchObject({ value: 'PROHIBITED', pendingReview: true, conflictId: 'c1' });
      expect(resolveEffectivePolicy({ layers: [g, s], conflicts: [after], taxonomy })[0]).toMatchObject({ value: 'CONSENT', pendingReview: false });
    });

    it('should apply a locked global value without a conflict', () => {
      const locked = globalLayer([clause('SHARING', 'device.location:third_party', 'PROHIBITED', { locked: true })]);
      const [c] = resolveEffectivePolicy({ layers: [locked, s], conflicts: [resolved('c1', facts, 'SERVICE_PREVAILS')], taxonomy });
      expect(c).toMatchObject({ value: 'PROHIBITED', source: 'GLOBAL', pendingReview: false, conflictId: null, locked: true });
      expect(c.explanation).toContain('it is locked, so service policy maps v3 (CONSENT) cannot weaken it');
    });
  });

  describe('nearest-ancestor matching', () => {
    it('should compare a service clause with the global clause on its nearest ancestor (DESIGN.md example)', () => {
      const g = globalLayer([clause('SHARING', '*:third_party', 'CONSENT')]);
      const s = serviceLayer([clause('SHARING', 'device.log:third_party', 'ALLOWED')]);
      const clauses = resolveEffectivePolicy({ layers: [g, s], taxonomy });
      expect(at(clauses, 'SHARING', 'device.log:third_party')).toMatchObject({ value: 'CONSENT', source: 'GLOBAL', pendingReview: true, clauseSubject: '*:third_party' });
      expect(at(clauses, 'SHARING', 'device.log:third_party')!.explanation).toContain('from global policy general v2 (clause *:third_party)');
    });

    it('should compare a global clause with the service clause on its nearest ancestor', () => {
      const g = globalLayer([clause('RETENTION', 'device.log', '30')]);
      const s = serviceLayer([clause('RETENTION', 'device', '90')]);
      const clauses = resolveEffectivePolicy({ layers: [g, s], taxonomy });
      expect(at(clauses, 'RETENTION', 'device.log')).toMatchObject({ value: '30', pendingReview: true });
      expect(at(clauses, 'RETENTION', 'device')).toMatchObject({ value: '90', source: 'SERVICE' });
      expect(detectConflicts(g, s, taxonomy).map((c) => c.subject)).toEqual(['device.log']);
    });

    it('should evaluate the intersection of crossing wildcard subjects', () => {
      const g = globalLayer([clause('USE', '*:marketing.email', 'CONSENT')]);
      const s = serviceLayer([clause('USE', 'user.contact.email:*', 'ALLOWED')]);
      const clauses = resolveEffectivePolicy({ layers: [g, s], taxonomy });
      expect(at(clauses, 'USE', 'user.contact.email:marketing.email')).toMatchObject({ value: 'CONSENT', origin: 'INTERSECTION', pendingReview: true });
      expect(applying(clauses, 'USE', 'user.contact.email:marketing.email')?.value).toBe('CONSENT');
      expect(applying(clauses, 'USE', 'user.contact.email:service.provide')?.value).toBe('ALLOWED');
    });
  });

  describe('sensitive categories', () => {
    const g = globalLayer([clause('SHARING', '*:third_party', 'PROHIBITED')]);
    const s = serviceLayer([clause('SHARING', 'device:third_party', 'CONSENT')]);
    const parent = { topic: 'SHARING' as const, subject: 'device:third_party', globalValue: 'PROHIBITED', serviceValue: 'CONSENT' };

    it('should keep the global value for sensitive sub-categories when a parent conflict is resolved SERVICE_PREVAILS', () => {
      const clauses = resolveEffectivePolicy({ layers: [g, s], conflicts: [resolved('c1', parent, 'SERVICE_PREVAILS')], taxonomy });
      expect(at(clauses, 'SHARING', 'device:third_party')).toMatchObject({ value: 'CONSENT', source: 'SERVICE' });
      for (const k of ['device.location', 'device.camera', 'device.microphone']) {
        const c = at(clauses, 'SHARING', `${k}:third_party`);
        expect(c).toMatchObject({ value: 'PROHIBITED', source: 'GLOBAL', origin: 'SENSITIVE', pendingReview: false, clauseSubject: '*:third_party' });
        expect(c!.explanation).toBe(
          `SHARING ${k}:third_party = PROHIBITED from global policy general v2 (clause *:third_party); ${k} is sensitive, so service policy maps v3 (CONSENT, clause device:third_party) does not weaken it implicitly`,
        );
      }
      expect(applying(clauses, 'SHARING', 'device.log:third_party')?.value).toBe('CONSENT');
      expect(at(clauses, 'SHARING', 'device.log:third_party')).toBeUndefined();
    });

    it('should need no extra clause while the parent conflict is OPEN', () => {
      const clauses = resolveEffectivePolicy({ layers: [g, s], conflicts: [open('c1', parent)], taxonomy });
      expect(clauses.map((c) => c.subject)).toEqual(['*:third_party', 'device:third_party']);
      expect(applying(clauses, 'SHARING', 'device.location:third_party')?.value).toBe('PROHIBITED');
    });

    it('should keep a global clause on a sensitive category against a weaker service clause on its parent, without a conflict', () => {
      const g2 = globalLayer([clause('SHARING', '*:third_party', 'ALLOWED'), clause('SHARING', 'device.location:third_party', 'PROHIBITED')]);
      const clauses = resolveEffectivePolicy({ layers: [g2, s], taxonomy });
      expect(at(clauses, 'SHARING', 'device.location:third_party')).toMatchObject({ value: 'PROHIBITED', source: 'GLOBAL', pendingReview: false, conflictId: null });
      expect(at(clauses, 'SHARING', 'device:third_party')).toMatchObject({ value: 'CONSENT', source: 'SERVICE' });
      expect(detectConflicts(g2, s, taxonomy)).toEqual([]);
    });

    it('should open a conflict when the service names the sensitive category', () => {
      const named = serviceLayer([clause('SHARING', 'device.location:third_party', 'CONSENT')]);
      expect(detectConflicts(g, named, taxonomy).map((c) => c.subject)).toEqual(['device.location:third_party']);
    });

    it('should protect sensitive categories on uses without hiding what the service may do', () => {
      const g3 = globalLayer([clause('USE', '*:*', 'PROHIBITED'), clause('USE', '*:service.provide', 'ALLOWED')]);
      const s3 = serviceLayer([clause('USE', 'user:*', 'ALLOWED')]);
      const conflict = { topic: 'USE' as const, subject: 'user:*', globalValue: 'PROHIBITED', serviceValue: 'ALLOWED' };
      const clauses = resolveEffectivePolicy({ layers: [g3, s3], conflicts: [resolved('c1', conflict, 'SERVICE_PREVAILS')], taxonomy });
      expect(applying(clauses, 'USE', 'user.account:marketing.email')?.value).toBe('ALLOWED');
      expect(applying(clauses, 'USE', 'user.biometric:marketing.email')?.value).toBe('PROHIBITED');
      expect(applying(clauses, 'USE', 'user.biometric:service.provide')?.value).toBe('ALLOWED');
      expect(applying(clauses, 'USE', 'user.minor:legal')?.value).toBe('PROHIBITED');
    });
  });

  describe('more layers', () => {
    it('should fold any number of layers, a lock binding every more specific layer', () => {
      const g = globalLayer([clause('RETENTION', '*', '365', { locked: true }), clause('RIGHT', 'EXPORT', 'GRANTED')]);
      const line: PolicyLayer = { source: 'SERVICE', policyKey: 'mobile-line', version: 1, clauses: [clause('RETENTION', 'device', '90')] };
      const s = serviceLayer([clause('RETENTION', 'device.log', '400'), clause('RETENTION', 'user', '30')]);
      const clauses = resolveEffectivePolicy({ layers: [g, line, s], taxonomy });
      expect(at(clauses, 'RETENTION', 'device')).toMatchObject({ value: '90', policyKey: 'mobile-line' });
      expect(at(clauses, 'RETENTION', 'device')).toMatchObject({ locked: true });
      expect(at(clauses, 'RETENTION', 'device.log')).toMatchObject({ value: '90', policyKey: 'mobile-line', pendingReview: false, conflictId: null });
      expect(at(clauses, 'RETENTION', 'device.log')!.explanation).toContain('it is locked, so service policy maps v3 (400) cannot weaken it');
      expect(at(clauses, 'RETENTION', 'user')).toMatchObject({ value: '30', policyKey: 'maps' });
      expect(at(clauses, 'RETENTION', '*')).toMatchObject({ value: '365', locked: true });
      expect(at(clauses, 'RIGHT', 'EXPORT')!.explanation).toBe(
        'RIGHT EXPORT = GRANTED from global policy general v2; service policy mobile-line v1 has no clause on it; service policy maps v3 has no clause on it',
      );
    });
  });

  it('should list clauses by topic, then subject', () => {
    const g = globalLayer([clause('RIGHT', 'ACCESS', 'GRANTED'), clause('COLLECTION', 'user', 'CONSENT'), clause('COLLECTION', '*', 'PROHIBITED')]);
    const s = serviceLayer([clause('USE', 'user:legal', 'ALLOWED')]);
    expect(resolveEffectivePolicy({ layers: [g, s], taxonomy }).map((c) => `${c.topic} ${c.subject}`)).toEqual([
      'COLLECTION *', 'COLLECTION user', 'USE user:legal', 'RIGHT ACCESS',
    ]);
  });

  it('should throw on a value off its scale', () => {
    expect(() =>
      resolveEffectivePolicy({ layers: [globalLayer([clause('RIGHT', 'ACCESS', 'GRANTED')]), serviceLayer([clause('RIGHT', 'ACCESS', 'MAYBE')])], taxonomy }),
    ).toThrow(/RIGHT scale/);
  });
});
