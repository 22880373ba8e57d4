import type { ClauseTopic } from '../clauses/topics';
import { isDecided } from './conflict-lookup';
import type { ConflictResolution, ConflictState } from './types';

export interface ConflictKey {
  topic: ClauseTopic;
  subject: string;
  globalValue: string;
  serviceValue: string;
}

export interface InheritedResolution {
  carriedFromId: string;
  resolution: ConflictResolution;
  rationale: string | null;
  resolvedByEmail: string | null;
  resolvedAt: Date | null;
}

/**
 * For each new candidate (same order), the resolution it inherits from a
 * RESOLVED conflict of the pair it replaces with the same topic, subject,
 * global value and service value (DESIGN.md section 2), or null. When several
 * match, the latest resolution wins. `carriedFromId` names the conflict it was
 * carried from directly.
 */
export function carryForwardResolutions<C extends ConflictKey>(
  previousConflicts: readonly ConflictState[],
  newCandidates: readonly C[],
): { candidate: C; inherited: InheritedResolution | null }[] {
  const byKey = new Map<string, ConflictState>();
  for (const c of previousConflicts) {
    if (!isDecided(c)) continue;
    const key = keyOf(c);
    const existing = byKey.get(key);
    if (!existing || (c.resolvedAt?.getTime() ?? 0) > (existing.resolvedAt?.getTime() ?? 0)) byKey.set(key, c);
  }
  return newCandidates.map((candidate) => {
    const from = byKey.get(keyOf(candidate));
    return {
      candidate,
      inherited: from
        ? {
            carriedFromId: from.id,
            resolution: from.resolution as ConflictResolution,
            rationale: from.rationale ?? null,
            resolvedByEmail: from.resolvedByEmail ?? null,
            resolvedAt: from.resolvedAt ?? null,
          }
        : null,
    };
  });
}

function keyOf(c: ConflictKey): string {
  return `${c.topic}\u0000${c.subject}\u0000${c.globalValue}\u0000${c.serviceValue}`;
}
