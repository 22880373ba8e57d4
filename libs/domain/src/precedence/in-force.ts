import type { ConflictStatus } from './types';

/** A published version as the pairing of versions sees it. */
export interface ScheduledVersion {
  policyId: string;
  number: number;
  inForceFrom: Date | null;
}

/**
 * The versions of the other side that a version coming into force at `from`
 * is paired with: per policy, the one in force at `from` and every later one
 * scheduled after it (DESIGN.md section 2: new pairs are compared at once,
 * even when scheduled).
 */
export function counterparts<V extends ScheduledVersion>(versions: readonly V[], from: Date): V[] {
  const byPolicy = new Map<string, V[]>();
  for (const v of versions) byPolicy.set(v.policyId, [...(byPolicy.get(v.policyId) ?? []), v]);
  const out: V[] = [];
  for (const list of byPolicy.values()) {
    const published = list.filter((v) => v.inForceFrom !== null);
    const inForce = published.filter((v) => v.inForceFrom!.getTime() <= from.getTime()).sort((a, b) => b.number - a.number)[0];
    if (inForce) out.push(inForce);
    out.push(...published.filter((v) => v.inForceFrom!.getTime() > from.getTime() && (!inForce || v.number > inForce.number)));
  }
  return out;
}

/**
 * The published versions of a policy that a newer version coming into force
 * at `from` keeps from ever taking effect: those scheduled at or after `from`
 * (at any instant the newest published version already in force applies, as
 * {@link counterparts} reads it). The publish form warns about them.
 */
export function versionsNeverInForce<V extends Omit<ScheduledVersion, 'policyId'>>(published: readonly V[], from: Date): V[] {
  return published.filter((v) => v.inForceFrom !== null && v.inForceFrom.getTime() >= from.getTime()).sort((a, b) => a.number - b.number);
}

/**
 * When a conflict's pair of versions comes into force (the later of the two),
 * or null once it is: a conflict against a version not yet in force "takes
 * effect on" that date, and until then another value applies.
 */
export function pairTakesEffectAt(globalInForceFrom: Date | null, serviceInForceFrom: Date | null, now: Date): Date | null {
  if (!globalInForceFrom || !serviceInForceFrom) return null;
  const from = Math.max(globalInForceFrom.getTime(), serviceInForceFrom.getTime());
  return from > now.getTime() ? new Date(from) : null;
}

/**
 * A conflict's status at an instant, derived from time (DESIGN.md section 2):
 * SUPERSEDED once a newer version of either side is in force, RESOLVED from
 * its resolvedAt on, OPEN otherwise (a scheduled pair's conflicts included).
 */
export function conflictStatusAt(conflict: { resolvedAt: Date | null }, superseded: boolean, at: Date): ConflictStatus {
  if (superseded) return 'SUPERSEDED';
  return conflict.resolvedAt && conflict.resolvedAt.getTime() <= at.getTime() ? 'RESOLVED' : 'OPEN';
}
