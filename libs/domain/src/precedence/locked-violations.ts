import type { ClauseTopic } from '../clauses/topics';
import type { PolicyClause } from '../clauses/types';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { foldLayers } from './fold';
import type { PolicyLayer } from './types';

export interface LockedViolation {
  /** Position of the offending clause in the service clause list. */
  serviceClauseIndex: number;
  serviceClause: PolicyClause;
  /** Where the weakening shows (the service clause's subject, or one it reaches). */
  topic: ClauseTopic;
  subject: string;
  globalSubject: string;
  globalValue: string;
  globalPolicyKey: string;
  globalPolicyVersion: number;
}

/**
 * Service clauses that weaken a locked global clause (`LOCKED_CLAUSE`,
 * DESIGN.md section 2): checked on every subject the pair evaluates, so a
 * service clause on an ancestor (`device:third_party`) that would reach a
 * locked clause on a descendant is refused too. Not a violation: a sensitive
 * category reached through an ancestor, which the global value keeps anyway.
 * One entry per (service clause, locked global clause), in clause order.
 */
export function lockedViolations(globalLayer: PolicyLayer | null, serviceClauses: readonly PolicyClause[], taxonomy: Taxonomy): LockedViolation[] {
  if (!globalLayer) return [];
  const serviceLayer: PolicyLayer = { source: 'SERVICE', policyKey: '(draft)', version: 0, clauses: serviceClauses };
  const indexOf = new Map<PolicyClause, number>(serviceClauses.map((c, i) => [c, i]));
  const { outcomes } = foldLayers({ layers: [globalLayer, serviceLayer], taxonomy });
  const seen = new Set<string>();
  const out: LockedViolation[] = [];
  for (const o of outcomes) {
    if (o.kind !== 'LOCKED' || !o.specific || !o.general) continue;
    const serviceClauseIndex = indexOf.get(o.specific) ?? -1;
    const key = `${serviceClauseIndex} ${o.general.topic} ${o.general.clauseSubject}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      serviceClauseIndex,
      serviceClause: o.specific,
      topic: o.topic,
      subject: o.subject,
      globalSubject: o.general.clauseSubject,
      globalValue: o.general.value,
      globalPolicyKey: o.general.policyKey,
      globalPolicyVersion: o.general.policyVersion,
    });
  }
  return out.sort((a, b) => a.serviceClauseIndex - b.serviceClauseIndex);
}
