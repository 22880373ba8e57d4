import type { EntityManager } from 'typeorm';
import type { EffectiveClause, Taxonomy } from '@canopy/domain';

/** What one service's effective policy at an instant gives the features that measure against it. */
export interface ServiceEffectivePolicy {
  clauses: EffectiveClause[];
  /** Precedence conflicts of the pair in force at the instant that are still OPEN then (findings: CONFLICT_OPEN). */
  openConflictsInForce: { id: string; topic: string; subject: string }[];
}

export const NO_EFFECTIVE_POLICY: ServiceEffectivePolicy = { clauses: [], openConflictsInForce: [] };

export interface EffectivePolicyReadOptions {
  /** The taxonomy when the caller already read it (once per request). */
  taxonomy?: Taxonomy;
  /** Read through this manager: a write transaction's, so a check inside it sees what it will commit against. */
  manager?: EntityManager;
}

/**
 * Reads effective policies set-based: a constant number of SQL statements for
 * any number of services. Implemented by the policies module.
 */
export interface EffectivePolicyReader {
  effectiveFor(serviceIds: readonly string[], at: Date, options?: EffectivePolicyReadOptions): Promise<Map<string, ServiceEffectivePolicy>>;
}
