import type { EffectiveClause } from '@canopy/domain';

/** What one service's effective policy at an instant gives the features that measure against it. */
export interface ServiceEffectivePolicy {
  clauses: EffectiveClause[];
  /** Precedence conflicts of the pair in force at the instant that are still OPEN then (findings: CONFLICT_OPEN). */
  openConflictsInForce: { id: string; topic: string; subject: string }[];
}

/**
 * Reads effective policies set-based: a constant number of SQL statements for
 * any number of services. Implemented by the policies module.
 */
export interface EffectivePolicyReader {
  effectiveFor(serviceIds: readonly string[], at: Date): Promise<Map<string, ServiceEffectivePolicy>>;
}
