import type { Taxonomy } from '../taxonomy/taxonomy';
import { coveringSubjects, parseSubject } from './subject';
import type { ClauseTopic } from './topics';
import type { ClauseLike } from './types';

const COVERING_CACHE_LIMIT = 50_000;
const coveringCache = new Map<string, readonly string[] | null>();

/**
 * Subjects covering `subject`, nearest first; null when malformed. Memoised:
 * the concrete-subject sweeps ask for the same few hundred subjects for
 * every clause set.
 */
export function coveringSubjectsOf(topic: ClauseTopic, subject: string): readonly string[] | null {
  const key = `${topic} ${subject}`;
  let hit = coveringCache.get(key);
  if (hit === undefined) {
    const parsed = parseSubject(topic, subject);
    hit = parsed.ok ? coveringSubjects(topic, parsed.subject.parts) : null;
    if (coveringCache.size >= COVERING_CACHE_LIMIT) coveringCache.clear();
    coveringCache.set(key, hit);
  }
  return hit;
}

/**
 * A clause set indexed by (topic, subject) for nearest-match look-ups. Build
 * it once per clause set and ask it many times. On a duplicate (topic,
 * subject) the first clause wins (validation rejects duplicates anyway).
 */
export class ClauseIndex<C extends ClauseLike = ClauseLike> {
  private readonly byTopic = new Map<ClauseTopic, Map<string, C>>();

  constructor(clauses: Iterable<C>) {
    for (const clause of clauses) this.add(clause);
  }

  /** Adds a clause unless its (topic, subject) is taken; returns whether it was added. */
  add(clause: C): boolean {
    let map = this.byTopic.get(clause.topic);
    if (!map) this.byTopic.set(clause.topic, (map = new Map()));
    if (map.has(clause.subject)) return false;
    map.set(clause.subject, clause);
    return true;
  }

  /** The clause written on exactly this subject. */
  get(topic: ClauseTopic, subject: string): C | undefined {
    return this.byTopic.get(topic)?.get(subject);
  }

  hasTopic(topic: ClauseTopic): boolean {
    return (this.byTopic.get(topic)?.size ?? 0) > 0;
  }

  /** The clauses of one topic, in insertion order. */
  clausesOf(topic: ClauseTopic): C[] {
    return [...(this.byTopic.get(topic)?.values() ?? [])];
  }

  /**
   * The clause that applies to `subject`: exact, else the nearest covering one
   * (category depth first, then use or recipient depth, `*` = depth 0).
   * Null when none covers it or the subject is malformed.
   */
  applicable(topic: ClauseTopic, subject: string): C | null {
    const map = this.byTopic.get(topic);
    if (!map || map.size === 0) return null;
    const exact = map.get(subject);
    if (exact) return exact;
    const candidates = coveringSubjectsOf(topic, subject);
    if (!candidates) return null;
    for (const candidate of candidates) {
      const hit = map.get(candidate);
      if (hit) return hit;
    }
    return null;
  }
}

/**
 * The clause of `clauses` that applies to `subject` (see {@link ClauseIndex.applicable}).
 * Matching is by key prefix: every prefix of a taxonomy key is itself a key,
 * so the taxonomy is not consulted (the parameter is accepted for symmetry).
 * For many look-ups over one clause set, build a {@link ClauseIndex} instead.
 */
export function applicableClause<C extends ClauseLike>(
  clauses: readonly C[],
  topic: ClauseTopic,
  subject: string,
  _taxonomy?: Taxonomy,
): C | null {
  return new ClauseIndex(clauses).applicable(topic, subject);
}
