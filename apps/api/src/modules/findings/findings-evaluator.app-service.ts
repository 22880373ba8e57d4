import { evaluateFindings, type Finding as DomainFinding, type OpenConflictFacts } from '@canopy/domain';
import type { FindingAcceptanceEntity, ServiceEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import type { EffectivePolicyReader, ServiceEffectivePolicy } from '../policies/effective-policy.port';
import { FindingsFacts, loadFindingsFacts } from './findings.facts';

export interface ServiceFinding extends DomainFinding {
  serviceId: string;
  service: ServiceEntity;
  /** The unexpired acceptance covering it (latest expiry first), if any. */
  acceptance: FindingAcceptanceEntity | null;
}

const EMPTY: ServiceEffectivePolicy = { clauses: [], openConflictsInForce: [] };

/**
 * Compliance findings (DESIGN.md section 4), computed from current data and
 * never stored: set-based loading (a constant number of statements for any
 * number of services), then the domain's pure rules per service.
 */
export class FindingsEvaluator {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
  ) {}

  /** Findings of the given services ('all': every service) now, against their effective policies now. */
  async forServices(scope: readonly string[] | 'all', now = new Date()): Promise<Map<string, ServiceFinding[]>> {
    const facts = await loadFindingsFacts(this.db.manager, scope, now);
    const effective = await this.policies.effectiveFor(facts.services.map((s) => s.id), now);
    return evaluateWith(facts, effective, now);
  }

  /**
   * Findings of the given services measured against effective policies the
   * caller supplies (the policy impact preview passes hypothetical ones).
   * Everything else (inventories, arrangements, processors, acceptances) is
   * read as it is now; a service missing from `effective` has an empty policy.
   */
  async evaluate(serviceIds: readonly string[], effective: ReadonlyMap<string, ServiceEffectivePolicy>, now = new Date()): Promise<Map<string, ServiceFinding[]>> {
    return evaluateWith(await loadFindingsFacts(this.db.manager, serviceIds, now), effective, now);
  }
}

function evaluateWith(facts: FindingsFacts, effective: ReadonlyMap<string, ServiceEffectivePolicy>, now: Date): Map<string, ServiceFinding[]> {
  const result = new Map<string, ServiceFinding[]>();
  for (const service of facts.services) {
    const policy = effective.get(service.id) ?? EMPTY;
    const findings = evaluateFindings({
      service: { key: service.key, servesMinors: service.servesMinors },
      inventory: facts.inventories.get(service.id) ?? [],
      effectiveClauses: policy.clauses,
      arrangements: facts.arrangements.get(service.id) ?? [],
      // The port types topic as a string; the policies module fills it from ClauseTopic.
      openConflictsInForce: policy.openConflictsInForce as readonly OpenConflictFacts[],
      taxonomy: facts.taxonomy,
      now,
    });
    const acceptances = [...(facts.acceptances.get(service.id) ?? [])].sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
    result.set(
      service.id,
      findings.map((f) => ({
        ...f,
        serviceId: service.id,
        service,
        acceptance: acceptances.find((a) => a.rule === f.rule && (a.dataCategory ?? null) === (f.dataCategory ?? null)) ?? null,
      })),
    );
  }
  return result;
}
