import type { ClauseTopic } from '../clauses/topics';
import type { ConflictState } from './types';

const keyOf = (topic: ClauseTopic, subject: string, generalValue: string, specificValue: string) =>
  `${topic}\u0000${subject}\u0000${generalValue}\u0000${specificValue}`;

/**
 * Finds the conflict that decides a (topic, subject) where the specific value
 * is weaker than the general one. A conflict is bound to its values as well
 * as its subject: one whose recorded values differ from what the layers say
 * now is stale and is ignored (the fold then fails safe: general value,
 * pending review). When several match, a RESOLVED one wins over an OPEN one.
 */
export class ConflictLookup {
  private readonly map = new Map<string, ConflictState>();

  constructor(conflicts: readonly ConflictState[]) {
    for (const c of conflicts) {
      const key = keyOf(c.topic, c.subject, c.globalValue, c.serviceValue);
      const existing = this.map.get(key);
      if (!existing || (existing.status !== 'RESOLVED' && isDecided(c))) this.map.set(key, c);
    }
  }

  find(topic: ClauseTopic, subject: string, generalValue: string, specificValue: string): ConflictState | null {
    return this.map.get(keyOf(topic, subject, generalValue, specificValue)) ?? null;
  }
}

/** RESOLVED with a resolution; a RESOLVED record without one counts as OPEN. */
export function isDecided(conflict: ConflictState): boolean {
  return conflict.status === 'RESOLVED' && (conflict.resolution === 'SERVICE_PREVAILS' || conflict.resolution === 'GLOBAL_PREVAILS');
}

/**
 * The conflict as of `at`: a resolution counts from its `resolvedAt` on, so
 * before then the conflict is OPEN (DESIGN.md section 2, conflicts over time).
 */
export function conflictAsOf(conflict: ConflictState, at: Date): ConflictState {
  if (conflict.status !== 'RESOLVED' || !conflict.resolvedAt || conflict.resolvedAt.getTime() <= at.getTime()) return conflict;
  return {
    ...conflict,
    status: 'OPEN',
    resolution: null,
    rationale: null,
    resolvedByEmail: null,
    resolvedAt: null,
  };
}
