import { compareValues } from '../clauses/scales';
import { type ClauseTopic, compareTopicSubject } from '../clauses/topics';
import type { ClauseLike } from '../clauses/types';

/** The contract's `ChangeKind`: how a clause changed against the previous published version. */
export const CHANGE_KINDS = ['ADDED', 'REMOVED', 'STRICTER', 'WEAKER', 'UNCHANGED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ClauseChange {
  topic: ClauseTopic;
  subject: string;
  kind: ChangeKind;
  /** Value in the previous version (null when ADDED). */
  before: string | null;
  /** Value in this version (null when REMOVED). */
  after: string | null;
}

/**
 * Clause-by-clause changes per (topic, subject) against the previous
 * published version (null for a first version: everything ADDED), sorted by
 * topic then subject. Only values are compared: a clause whose value is the
 * same but whose `locked` flag or text changed is UNCHANGED.
 */
export function diffClauses(previous: readonly ClauseLike[] | null | undefined, next: readonly ClauseLike[]): ClauseChange[] {
  const key = (c: ClauseLike) => `${c.topic} ${c.subject}`;
  const before = new Map((previous ?? []).map((c) => [key(c), c]));
  const changes: ClauseChange[] = [];
  const seen = new Set<string>();
  for (const c of next) {
    const k = key(c);
    if (seen.has(k)) continue;
    seen.add(k);
    const old = before.get(k);
    if (!old) {
      changes.push({ topic: c.topic, subject: c.subject, kind: 'ADDED', before: null, after: c.value });
      continue;
    }
    const cmp = compareValues(c.topic, c.value, old.value);
    const kind: ChangeKind = cmp === 'EQUAL' ? 'UNCHANGED' : cmp;
    changes.push({ topic: c.topic, subject: c.subject, kind, before: old.value, after: c.value });
  }
  for (const [k, old] of before) {
    if (!seen.has(k)) changes.push({ topic: old.topic, subject: old.subject, kind: 'REMOVED', before: old.value, after: null });
  }
  return changes.sort(compareTopicSubject);
}
