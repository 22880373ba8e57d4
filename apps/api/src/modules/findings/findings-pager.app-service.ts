import { severityAtLeast, type Severity } from '@canopy/domain';
import type { ServiceEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import type { OrganisationFacts } from '../../common/organisation-facts';
import { resultTooLarge } from '../../common/errors';
import { assertHeapHeadroom, HEAP_CEILING } from '../../common/memory-guard';
import type { FindingsEvaluator, ServiceFinding } from './findings-evaluator.app-service';
import { ServicePosition, servicesFrom, servicesIn } from './findings.queries';

/** Which findings a list or page holds; every criterion set must hold. */
export interface FindingsCriteria {
  minSeverity?: Severity | null;
  rule?: string | null;
  accepted?: boolean | null;
}

/** Where a page starts: after the finding at `index` of the service `key`'s findings (unfiltered, in their order). */
export interface FindingPlace {
  key: string;
  index: number;
}

export interface PlacedFinding extends FindingPlace {
  finding: ServiceFinding;
}

/** Services per chunk when counting or listing every finding: their facts are what one request holds at a time. */
export const SWEEP_CHUNK = 1000;

export const matchesCriteria =
  (c: FindingsCriteria) =>
  (f: ServiceFinding): boolean =>
    (!c.minSeverity || severityAtLeast(f.severity, c.minSeverity)) && (!c.rule || f.rule === c.rule) && (c.accepted == null || (f.acceptance !== null) === c.accepted);

/**
 * Findings over the whole organisation with bounded memory (DESIGN.md
 * section 7): services are measured chunk by chunk in key order, a constant
 * number of statements per chunk, and only what the answer keeps outlives
 * its chunk.
 */
export class FindingsPager {
  constructor(
    private readonly db: Database,
    private readonly evaluator: FindingsEvaluator,
    private readonly heapCeiling = HEAP_CEILING,
  ) {}

  /**
   * Chunks of services in key order from a position (or just `only`), each service with its findings at `at`:
   * `size` services first, then twice as many each time up to SWEEP_CHUNK when `grow` says so. `past`: `at`
   * is behind the request's clock, so the services (registered by then, as they were then) and their facts
   * are read from their history. `organisation`: the request's shared facts, read once for every chunk.
   */
  async *chunks(only: ServiceEntity | null, from: ServicePosition | null, size: number, at: Date, organisation: OrganisationFacts, grow = false, past = false) {
    let position = from;
    const asOf = past ? at : null;
    for (let n = size; ; n = grow ? Math.min(SWEEP_CHUNK, 2 * n) : n) {
      const { services, more } = only ? { services: asOf ? await servicesIn(this.db.manager, [only.id], asOf) : [only], more: false } : await servicesFrom(this.db.manager, position, n, asOf);
      if (services.length) {
        assertHeapHeadroom('measure more findings', this.heapCeiling);
        const measured = await this.evaluator.measure(services, at, organisation.taxonomy, past, organisation);
        yield services.map((service) => ({ service, findings: measured.get(service.id) ?? [] }));
      }
      if (!more) return;
      position = { key: services[services.length - 1].key, inclusive: false };
    }
  }

  /**
   * The first `first` findings after a place that meet the criteria, and whether more follow. Services are
   * measured (first + 1) / 2 at a time (50 to 1,000; an organisation averages a few findings per service),
   * doubling while the page is not full: one chunk answers most pages, and a page measures few services it
   * does not show.
   */
  async page(first: number, after: FindingPlace | null, only: ServiceEntity | null, criteria: FindingsCriteria, at: Date, organisation: OrganisationFacts, past = false) {
    const keep = matchesCriteria(criteria);
    const size = Math.min(SWEEP_CHUNK, Math.max(50, Math.ceil((first + 1) / 2)));
    const found: PlacedFinding[] = [];
    for await (const chunk of this.chunks(only, after && { key: after.key, inclusive: true }, size, at, organisation, true, past)) {
      for (const { service, findings } of chunk) {
        findings.forEach((finding, index) => {
          const seen = after !== null && service.key === after.key && index <= after.index;
          if (!seen && found.length <= first && keep(finding)) found.push({ key: service.key, index, finding });
        });
      }
      if (found.length > first) break;
    }
    return { found: found.slice(0, first), more: found.length > first };
  }

  /** How many findings meet the criteria, counted chunk by chunk. */
  async count(only: ServiceEntity | null, criteria: FindingsCriteria, at: Date, organisation: OrganisationFacts, past = false): Promise<number> {
    const keep = matchesCriteria(criteria);
    let total = 0;
    for await (const chunk of this.chunks(only, null, SWEEP_CHUNK, at, organisation, false, past)) {
      for (const { findings } of chunk) total += findings.filter(keep).length;
    }
    return total;
  }

  /** Every finding that meets the criteria, by service key; RESULT_TOO_LARGE as soon as there are more than `max`. */
  async list(only: ServiceEntity | null, criteria: FindingsCriteria, at: Date, organisation: OrganisationFacts, max: number): Promise<ServiceFinding[]> {
    const keep = matchesCriteria(criteria);
    const out: ServiceFinding[] = [];
    for await (const chunk of this.chunks(only, null, SWEEP_CHUNK, at, organisation)) {
      for (const { findings } of chunk) out.push(...findings.filter(keep));
      if (out.length > max) throw resultTooLarge('findings', max, 'page through findingsConnection(first, after, filter) instead');
    }
    return out;
  }
}
