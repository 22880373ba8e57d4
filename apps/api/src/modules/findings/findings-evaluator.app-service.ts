import { evaluateFindings, type Finding as DomainFinding, type OpenConflictFacts, type Taxonomy } from '@canopy/domain';
import type { FindingAcceptanceEntity, ServiceEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { type EffectivePolicyReader, NO_EFFECTIVE_POLICY, type ServiceEffectivePolicy } from '../policies';
import { loadTaxonomy } from '../taxonomy';
import { type AssessmentFactsReader, FindingsFacts, FindingsScope, loadFindingsFacts, servicesIn, type SharedFacts } from './findings.queries';

export interface ServiceFinding extends DomainFinding {
  serviceId: string;
  service: ServiceEntity;
  /** The unexpired acceptance covering it (latest expiry first), if any. */
  acceptance: FindingAcceptanceEntity | null;
}

/**
 * Measures services against effective policies the caller supplies: the
 * request's effective-policy loader, or the hypothetical policies of an
 * impact preview. Everything else is read as it is now.
 */
export interface FindingsMeasure {
  evaluate(
    services: ServiceEntity[],
    effective: ReadonlyMap<string, ServiceEffectivePolicy> | Promise<ReadonlyMap<string, ServiceEffectivePolicy>>,
    now: Date,
    taxonomy: Taxonomy | PromiseLike<Taxonomy>,
    past?: boolean,
    shared?: SharedFacts | PromiseLike<SharedFacts> | null,
  ): Promise<Map<string, ServiceFinding[]>>;
}

/**
 * Compliance findings (DESIGN.md section 4), computed from current data and
 * never stored: set-based loading (a constant number of statements for any
 * number of services), then the domain's pure rules per service.
 */
export class FindingsEvaluator implements FindingsMeasure {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
    /** TRANSFER_UNLAWFUL, DPIA_MISSING and ASSESSMENT_EXPIRED (DESIGN.md section 9) run when given. */
    private readonly assessments: AssessmentFactsReader | null = null,
  ) {}

  /** The services of a scope, by key. */
  services(scope: FindingsScope): Promise<ServiceEntity[]> {
    return servicesIn(this.db.manager, scope);
  }

  /** Findings of the given services ('all': every service) at `now`, against their effective policies then. */
  async forServices(scope: FindingsScope, now: Date): Promise<Map<string, ServiceFinding[]>> {
    const m = this.db.manager;
    const [services, taxonomy] = await Promise.all([servicesIn(m, scope), loadTaxonomy(m)]);
    const effective = await this.policies.effectiveFor(services.map((s) => s.id), now, { taxonomy });
    return evaluateWith(await loadFindingsFacts(m, services, now, taxonomy, scope === 'all', false, this.assessments), effective, now);
  }

  /**
   * Findings of the given services at `at`, against their effective policies then (read here, not from a request's loaders).
   * `past`: `at` is behind the request's clock, so the services' other facts are read as they were then (their history), not as they are.
   * `shared`: the organisation-wide facts, read once by the caller (not once per call).
   */
  async measure(services: ServiceEntity[], at: Date, taxonomy: Taxonomy, past = false, shared: SharedFacts | null = null): Promise<Map<string, ServiceFinding[]>> {
    const effective = await this.policies.effectiveFor(services.map((s) => s.id), at, { taxonomy });
    return this.evaluate(services, effective, at, taxonomy, past, shared);
  }

  /** `effective`, `taxonomy` and `shared` may still be loading: the other facts are read meanwhile. */
  async evaluate(
    services: ServiceEntity[],
    effective: ReadonlyMap<string, ServiceEffectivePolicy> | Promise<ReadonlyMap<string, ServiceEffectivePolicy>>,
    now: Date,
    taxonomy: Taxonomy | PromiseLike<Taxonomy>,
    past = false,
    shared: SharedFacts | PromiseLike<SharedFacts> | null = null,
  ): Promise<Map<string, ServiceFinding[]>> {
    const [facts, policies] = await Promise.all([loadFindingsFacts(this.db.manager, services, now, taxonomy, false, past, this.assessments, shared), effective]);
    return evaluateWith(facts, policies, now);
  }

  /** The settings rows the findings read (none without the section 9 rules), for the request's OrganisationFacts. */
  get settingKeys(): readonly string[] {
    return this.assessments?.settingKeys ?? [];
  }
}

function evaluateWith(facts: FindingsFacts, effective: ReadonlyMap<string, ServiceEffectivePolicy>, now: Date): Map<string, ServiceFinding[]> {
  const result = new Map<string, ServiceFinding[]>();
  for (const service of facts.services) {
    const policy = effective.get(service.id) ?? NO_EFFECTIVE_POLICY;
    const findings = evaluateFindings({
      service: { key: service.key, servesMinors: service.servesMinors },
      inventory: facts.inventories.get(service.id) ?? [],
      effectiveClauses: policy.clauses,
      arrangements: facts.arrangements.get(service.id) ?? [],
      // The port types topic as a string; the policies module fills it from ClauseTopic.
      openConflictsInForce: policy.openConflictsInForce as readonly OpenConflictFacts[],
      taxonomy: facts.taxonomy,
      now,
      undeliveredNotices: facts.undeliveredNotices.get(service.id) ?? [],
      assessments: facts.assessments.get(service.id),
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
