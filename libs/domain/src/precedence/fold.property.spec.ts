import fc from 'fast-check';
import { concreteSubjects } from '../amendments/concrete-subjects';
import { ClauseIndex } from '../clauses/clause-index';
import { compareValues } from '../clauses/scales';
import { parseSubjectOrThrow, subjectCovers } from '../clauses/subject';
import { Taxonomy } from '../taxonomy/taxonomy';
import { GENERATED_TOPICS, type ConflictFate, conflictsFor, globalLayerArb, serviceLayerArb } from '../testing/arbitraries';
import { detectConflicts } from './detect-conflicts';
import { resolveEffectivePolicy } from './fold';
import type { EffectiveClause, PolicyLayer } from './types';

const taxonomy = Taxonomy.default();
const sweep = concreteSubjects(taxonomy).filter((s) => GENERATED_TOPICS.includes(s.topic));
const fateArb = fc.array(fc.constantFrom<ConflictFate>('OPEN', 'SERVICE_PREVAILS', 'GLOBAL_PREVAILS'), { minLength: 1, maxLength: 8 });
const keyOf = (c: { topic: string; subject: string }) => `${c.topic} ${c.subject}`;
const byKey = (clauses: EffectiveClause[]) => new Map(clauses.map((c) => [keyOf(c), c]));

function fold(g: PolicyLayer, s: PolicyLayer, fates: ConflictFate[]) {
  const conflicts = conflictsFor(detectConflicts(g, s, taxonomy), fates);
  return resolveEffectivePolicy({ layers: [g, s], conflicts, taxonomy });
}

describe('precedence fold (properties)', () => {
  it('should apply a service clause that is stricter than or equal to the global one', () => {
    fc.assert(
      fc.property(globalLayerArb, serviceLayerArb, fateArb, (g, s, fates) => {
        const effective = byKey(fold(g, s, fates));
        const globalIndex = new ClauseIndex(g.clauses);
        for (const sc of s.clauses) {
          const gc = globalIndex.applicable(sc.topic, sc.subject);
          if (gc && compareValues(sc.topic, sc.value, gc.value) === 'WEAKER') continue;
          expect(effective.get(keyOf(sc))).toMatchObject({ value: sc.value, source: 'SERVICE', pendingReview: false });
        }
      }),
    );
  });

  it('should never yield a value weaker than the global one while conflicts are OPEN (or decided for global)', () => {
    fc.assert(
      fc.property(globalLayerArb, serviceLayerArb, fc.array(fc.constantFrom<ConflictFate>('OPEN', 'GLOBAL_PREVAILS'), { minLength: 1, maxLength: 4 }), (g, s, fates) => {
        const effective = new ClauseIndex(fold(g, s, fates));
        const globalIndex = new ClauseIndex(g.clauses);
        for (const { topic, subject } of sweep) {
          const gc = globalIndex.applicable(topic, subject);
          if (!gc) continue;
          const ec = effective.applicable(topic, subject);
          expect(ec).not.toBeNull();
          expect([topic, subject, compareValues(topic, ec!.value, gc.value)]).not.toEqual([topic, subject, 'WEAKER']);
        }
      }),
    );
  });

  it('should never weaken a sensitive category through a service clause on an ancestor', () => {
    fc.assert(
      fc.property(globalLayerArb, serviceLayerArb, (g, s) => {
        const effective = new ClauseIndex(fold(g, s, ['SERVICE_PREVAILS']));
        const globalIndex = new ClauseIndex(g.clauses);
        for (const { topic, subject } of sweep) {
          const category = parseSubjectOrThrow(topic, subject).category;
          if (category === null || !taxonomy.isSensitive(category)) continue;
          const ec = effective.applicable(topic, subject);
          const gc = globalIndex.applicable(topic, subject);
          if (!ec || !gc || ec.source !== 'SERVICE' || compareValues(topic, ec.value, gc.value) !== 'WEAKER') continue;
          const from = parseSubjectOrThrow(topic, ec.clauseSubject).category!;
          expect([subject, from, taxonomy.hasSensitiveBetween(from, category)]).toEqual([subject, from, false]);
        }
      }),
    );
  });

  it('should return a single layer as it is', () => {
    fc.assert(
      fc.property(fc.oneof(globalLayerArb, serviceLayerArb), (layer) => {
        const effective = resolveEffectivePolicy({ layers: [layer], taxonomy });
        expect(effective).toHaveLength(layer.clauses.length);
        const byClause = byKey(effective);
        for (const c of layer.clauses) {
          expect(byClause.get(keyOf(c))).toMatchObject({
            value: c.value,
            source: layer.source,
            policyKey: layer.policyKey,
            policyVersion: layer.version,
            pendingReview: false,
            conflictId: null,
            clauseSubject: c.subject,
            locked: c.locked === true,
            origin: 'NAMED',
          });
        }
      }),
    );
  });

  it('should change no value when an empty layer is inserted anywhere (a fold over N layers)', () => {
    const empty: PolicyLayer = { source: 'SERVICE', policyKey: 'line', version: 1, clauses: [] };
    const values = (cs: EffectiveClause[]) => cs.map(({ topic, subject, value, source, pendingReview, conflictId }) => ({ topic, subject, value, source, pendingReview, conflictId }));
    fc.assert(
      fc.property(globalLayerArb, serviceLayerArb, fateArb, (g, s, fates) => {
        const conflicts = conflictsFor(detectConflicts(g, s, taxonomy), fates);
        const two = values(resolveEffectivePolicy({ layers: [g, s], conflicts, taxonomy }));
        expect(values(resolveEffectivePolicy({ layers: [empty, g, s], conflicts, taxonomy }))).toEqual(two);
        expect(values(resolveEffectivePolicy({ layers: [g, empty, s], conflicts, taxonomy }))).toEqual(two);
        expect(values(resolveEffectivePolicy({ layers: [g, s, empty], conflicts, taxonomy }))).toEqual(two);
      }),
    );
  });

  it('should not depend on the order in which clauses and conflicts are listed', () => {
    const permuted = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
    fc.assert(
      fc.property(
        globalLayerArb.chain((g) => fc.tuple(fc.constant(g), permuted(g.clauses))),
        serviceLayerArb.chain((s) => fc.tuple(fc.constant(s), permuted(s.clauses))),
        fateArb,
        ([g, gClauses], [s, sClauses], fates) => {
          const conflicts = conflictsFor(detectConflicts(g, s, taxonomy), fates);
          const a = resolveEffectivePolicy({ layers: [g, s], conflicts, taxonomy });
          const b = resolveEffectivePolicy({ layers: [{ ...g, clauses: gClauses }, { ...s, clauses: sClauses }], conflicts: [...conflicts].reverse(), taxonomy });
          expect(b).toEqual(a);
        },
      ),
    );
  });

  it('should change exactly the clause a resolution decides, and nothing outside its subject', () => {
    fc.assert(
      fc.property(globalLayerArb, serviceLayerArb, fc.nat(), fc.constantFrom('SERVICE_PREVAILS', 'GLOBAL_PREVAILS') as fc.Arbitrary<ConflictFate>, (g, s, pick, resolution) => {
        const candidates = detectConflicts(g, s, taxonomy);
        fc.pre(candidates.length > 0);
        const i = pick % candidates.length;
        const before = conflictsFor(candidates, ['OPEN']);
        const after = conflictsFor(candidates, candidates.map((_, j) => (j === i ? resolution : 'OPEN')));
        const a = resolveEffectivePolicy({ layers: [g, s], conflicts: before, taxonomy });
        const b = resolveEffectivePolicy({ layers: [g, s], conflicts: after, taxonomy });

        const named = (cs: EffectiveClause[]) => byKey(cs.filter((c) => c.origin !== 'SENSITIVE'));
        const na = named(a);
        const nb = named(b);
        expect([...nb.keys()]).toEqual([...na.keys()]);
        const changed = [...na.keys()].filter((k) => JSON.stringify(na.get(k)) !== JSON.stringify(nb.get(k)));
        const decided = candidates[i];
        expect(changed).toEqual([keyOf(decided)]);
        const value = nb.get(keyOf(decided))!;
        expect(value).toMatchObject({
          value: resolution === 'SERVICE_PREVAILS' ? decided.serviceValue : decided.globalValue,
          pendingReview: false,
          conflictId: 'c' + i,
        });

        const decidedParts = parseSubjectOrThrow(decided.topic, decided.subject).parts;
        const ia = new ClauseIndex(a);
        const ib = new ClauseIndex(b);
        for (const { topic, subject } of sweep) {
          if (topic === decided.topic && subjectCovers(topic, decidedParts, parseSubjectOrThrow(topic, subject).parts)) continue;
          expect([topic, subject, ib.applicable(topic, subject)?.value]).toEqual([topic, subject, ia.applicable(topic, subject)?.value]);
        }
      }),
    );
  });
});
