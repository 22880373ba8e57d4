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
   * Chunks of services in key order from a position (or just `only`), each service with its findings at `at`,
   * as many services each as `size()` says when the chunk is read. `past`: `at` is behind the request's clock,
   * so the services (registered by then, as they were then) and their facts are read from their history.
   * `organisation`: the request's shared facts, read once for every chunk.
   */
  async *chunks(only: ServiceEntity | null, from: ServicePosition | null, size: () => number, at: Date, organisation: OrganisationFacts, past = false) {
    let position = from;
    const asOf = past ? at : null;
    for (;;) {
      const { services, more } = only ? { services: asOf ? await servicesIn(this.db.manager, [only.id], asOf) : [only], more: false } : await servicesFrom(this.db.manager, position, size(), asOf);
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
   * measured a chunk at a time, sized by PageChunks: a page measures few services it does not show, since
   * the next page measures them again.
   */
  async page(first: number, after: FindingPlace | null, only: ServiceEntity | null, criteria: FindingsCriteria, at: Date, organisation: OrganisationFacts, past = false) {
    const keep = matchesCriteria(criteria);
    const found: PlacedFinding[] = [];
    const sizes = new PageChunks(first);
    for await (const chunk of this.chunks(only, after && { key: after.key, inclusive: true }, () => sizes.next(found.length), at, organisation, past)) {
      for (const { service, findings } of chunk) {
        findings.forEach((finding, index) => {
          const seen = after !== null && service.key === after.key && index <= after.index;
          if (!seen && found.length <= first && keep(finding)) found.push({ key: service.key, index, finding });
        });
      }
      sizes.measured(chunk.length);
      if (found.length > first) break;
    }
    return { found: found.slice(0, first), more: found.length > first };
  }

  /** How many findings meet the criteria, counted chunk by chunk. */
  async count(only: ServiceEntity | null, criteria: FindingsCriteria, at: Date, organisation: OrganisationFacts, past = false): Promise<number> {
    const keep = matchesCriteria(criteria);
    let total = 0;
    for await (const chunk of this.chunks(only, null, () => SWEEP_CHUNK, at, organisation, past)) {
      for (const { findings } of chunk) total += findings.filter(keep).length;
    }
    return total;
  }

  /** Every finding that meets the criteria, by service key; RESULT_TOO_LARGE as soon as there are more than `max`. */
  async list(only: ServiceEntity | null, criteria: FindingsCriteria, at: Date, organisation: OrganisationFacts, max: number): Promise<ServiceFinding[]> {
    const keep = matchesCriteria(criteria);
    const out: ServiceFinding[] = [];
    for await (const chunk of this.chunks(only, null, () => SWEEP_CHUNK, at, organisation)) {
      for (const { findings } of chunk) out.push(...findings.filter(keep));
      if (out.length > max) throw resultTooLarge('findings', max, 'page through findingsConnection(first, after, filter) instead');
    }
    return out;
  }
}

/**
 * How many services each chunk of a page measures. The first chunk is sized for 4 findings a service (an
 * organisation averages a few; the 5,000-service dataset about 4.7, so one chunk answers most of its pages
 * while measuring a fifth more services than the page shows, where sizing for 2 measured 2.4 times as many);
 * each next one for the findings still missing at the rate met so far, a quarter over, doubling while none
 * were found; never more than SWEEP_CHUNK nor fewer than 10.
 */
export class PageChunks {
  private services = 0;
  private last = 0;

  constructor(private readonly first: number) {}

  next(found: number): number {
    const missing = this.first + 1 - found;
    const size = this.services === 0 ? Math.max(50, Math.ceil(missing / 4)) : found === 0 ? 2 * this.last : Math.ceil(((missing * this.services) / found) * 1.25);
    this.last = Math.min(SWEEP_CHUNK, Math.max(10, size));
    return this.last;
  }

  /** A chunk of `count` services was measured. */
  measured(count: number): void {
    this.services += count;
  }
}
