import { ClauseIndex } from '../clauses/clause-index';
import { compareValues, isLeastProtective } from '../clauses/scales';
import type { ClauseTopic } from '../clauses/topics';
import type { ClauseLike } from '../clauses/types';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { type ConcreteSubject, concreteSubjects } from './concrete-subjects';

/**
 * What applies to every concrete subject of a taxonomy under one clause set
 * (null where nothing applies), aligned with `concreteSubjects(taxonomy)`.
 * Compute it once per version and compare it with many others.
 */
export interface ClauseSetProfile {
  readonly taxonomy: Taxonomy;
  readonly values: readonly (string | null)[];
}

export function profileClauseSet(clauses: readonly ClauseLike[], taxonomy: Taxonomy): ClauseSetProfile {
  const subjects = concreteSubjects(taxonomy);
  const index = new ClauseIndex(clauses);
  const present = new Set<ClauseTopic>(clauses.map((c) => c.topic));
  const values = subjects.map((s) => (present.has(s.topic) ? (index.applicable(s.topic, s.subject)?.value ?? null) : null));
  return { taxonomy, values };
}

export interface WeakenedSubject extends ConcreteSubject {
  before: string;
  /** Null when no clause applies any more. */
  after: string | null;
}

export interface MaterialReductionAssessment {
  materialReduction: boolean;
  /** `TOPIC subject` of every concrete subject that got weaker, in taxonomy order. */
  weakenedSubjects: string[];
  weakened: WeakenedSubject[];
}

type ClauseSetOrProfile = readonly ClauseLike[] | ClauseSetProfile | null | undefined;

/**
 * Whether `next` reduces users' rights compared with `previous` (DESIGN.md
 * section 3), decided on what applies, not on how clauses are written: a
 * concrete subject is weakened when its applicable value gets weaker, or when
 * it loses its clause and the old value was not the least protective of its
 * scale. Gaining a clause never weakens. No previous version: no reduction.
 */
export function assessMaterialReduction(previous: ClauseSetOrProfile, next: ClauseSetOrProfile, taxonomy: Taxonomy): MaterialReductionAssessment {
  const subjects = concreteSubjects(taxonomy);
  const before = toProfile(previous, taxonomy).values;
  const after = toProfile(next, taxonomy).values;
  const weakened: WeakenedSubject[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const b = before[i];
    if (b === null) continue;
    const a = after[i];
    const { topic, subject } = subjects[i];
    const worse = a === null ? !isLeastProtective(topic, b) : compareValues(topic, a, b) === 'WEAKER';
    if (worse) weakened.push({ topic, subject, before: b, after: a });
  }
  return {
    materialReduction: weakened.length > 0,
    weakenedSubjects: weakened.map((w) => `${w.topic} ${w.subject}`),
    weakened,
  };
}

function toProfile(set: ClauseSetOrProfile, taxonomy: Taxonomy): ClauseSetProfile {
  if (!set) return profileClauseSet([], taxonomy);
  if (isProfile(set)) {
    if (set.taxonomy !== taxonomy) throw new Error('profile was computed for another taxonomy');
    return set;
  }
  return profileClauseSet(set, taxonomy);
}

function isProfile(set: readonly ClauseLike[] | ClauseSetProfile): set is ClauseSetProfile {
  return !Array.isArray(set);
}
