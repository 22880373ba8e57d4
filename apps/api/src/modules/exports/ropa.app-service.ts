import { controllerGaps, dpiaRequirement, serviceDpiaStandingAt, type SharingStatus, type Taxonomy, transferAssessment } from '@canopy/domain';
import { type InventoryItemEntity, type ProcessorEntity, ServiceEntity, type SharingArrangementRevisionEntity, TeamEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { assessmentRecords, type IdentifiedAssessment } from '../assessments';
import { groupByService } from '../../common/batch';
import type { HomeRegionReader, ResolvedHomeRegion } from '../home-region';
import type { OrganisationProfileReader, ResolvedOrganisationProfile } from '../organisation';
import { inventoriesAt } from '../inventory';
import type { EffectivePolicyReader } from '../policies';
import { processorsAt, processorTransferFacts } from '../processors';
import type { SecurityMeasuresReader } from '../security-measures';
import { type ServicePosition, servicesAt, servicesAtFrom } from '../services';
import { revisionsInStatusAt } from '../sharing';
import { loadTaxonomy } from '../taxonomy';
import { loadAdequacyEntries } from '../transfers';
import type { PagedList } from '../../common/paged-list';
import { activityPurposes, buildRecordOfProcessing, RopaActivityRow, RopaDpiaFacts, RopaTransferRow } from './ropa.build';

export interface RecordOfProcessingData {
  at: Date;
  generatedAt: Date;
  homeRegion: ResolvedHomeRegion;
  controller: ResolvedOrganisationProfile;
  activities: RopaActivityRow[];
}

/** Services per batch when counting the activities of a record read in batches. */
const COUNT_BATCH = 1000;

/** What every activity is judged with, whatever its service, as of the record's instant. */
interface RopaContext {
  instant: Date;
  homeRegion: ResolvedHomeRegion;
  taxonomy: Taxonomy;
  teamKeys: ReadonlyMap<string, string>;
  controller: ResolvedOrganisationProfile;
  adequacy: Awaited<ReturnType<typeof loadAdequacyEntries>>;
}

/**
 * Reads what the record of processing needs as of an instant, set-based
 * (a fixed number of statements whatever the number of services), and hands
 * it to buildRecordOfProcessing().
 *
 * History: services, processors, inventories, arrangements (their
 * revisions), security measures, policies, the home region and the
 * organisation's profile are kept as history and read as of `at`; services
 * registered after `at` are not in the record. Each activity's transfers are
 * the domain's transfer assessment at `at` of its recipients' arrangements
 * (processors and sub-processors as they were then, the adequacy register in
 * force then, the arrangements' TIAs as they stood then). Each service's DPIA
 * status is the domain's: dpiaRequirement over its inventory and its
 * arrangements pending or approved then, and serviceDpiaStandingAt over its
 * DPIAs as they stood then (assessments are kept as history too).
 */
export class RecordOfProcessingService {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
    private readonly homeRegion: HomeRegionReader,
    private readonly measures: SecurityMeasuresReader,
    private readonly organisation: OrganisationProfileReader,
  ) {}

  /** How many services the record reads (one activity or more each): one COUNT. */
  countServices(): Promise<number> {
    return this.db.manager.count(ServiceEntity);
  }

  /** The record as of `at` (default: `now`, the request's instant, which is also when it is generated). */
  async build(at: Date | null, now: Date): Promise<RecordOfProcessingData> {
    const generatedAt = now;
    const instant = at ?? generatedAt;
    if (instant.getTime() > generatedAt.getTime() + 60_000) {
      throw badInput('at must not be in the future: the record describes what was in force.', { argument: 'at' });
    }
    const context = await this.contextAt(instant);
    const activities = await this.activitiesOf(await servicesAt(this.db.manager, 'all', instant), context);
    return { at: instant, generatedAt, homeRegion: context.homeRegion, controller: context.controller, activities };
  }

  /**
   * The record as of `at` a batch of services at a time, in key order (the
   * same rules as build(), applied per batch): memory holds a batch of
   * services and their activities, whatever the number of services. The
   * number of activities is counted first from each batch's inventory and
   * approved arrangements (activityPurposes), without building them.
   */
  async inBatches(at: Date): Promise<{ homeRegion: ResolvedHomeRegion; controller: ResolvedOrganisationProfile; activities: PagedList<RopaActivityRow> }> {
    const context = await this.contextAt(at);
    const activities: PagedList<RopaActivityRow> = {
      count: async () => {
        let n = 0;
        for await (const batch of this.servicePages(at, COUNT_BATCH)) n += await this.countActivities(batch, at);
        return n;
      },
      pages: (size) => this.activityPages(at, size, context),
    };
    return { homeRegion: context.homeRegion, controller: context.controller, activities };
  }

  private async *activityPages(at: Date, size: number, context: RopaContext): AsyncIterable<RopaActivityRow[]> {
    for await (const batch of this.servicePages(at, size)) yield await this.activitiesOf(batch, context);
  }

  /** The services as they were at `at`, `size` at a time in key order: one statement a batch. */
  private async *servicePages(at: Date, size: number): AsyncIterable<ServiceEntity[]> {
    let from: ServicePosition | null = null;
    for (;;) {
      const { services, more } = await servicesAtFrom(this.db.manager, at, from, size);
      if (services.length) yield services;
      if (!more) return;
      from = { key: services[services.length - 1].key, inclusive: false };
    }
  }

  /** What every activity is judged with, whatever its service: read once per record. */
  private async contextAt(instant: Date): Promise<RopaContext> {
    const m = this.db.manager;
    const [homeRegion, taxonomy, teams, controller, adequacy] = await Promise.all([
      this.homeRegion.at(instant, m),
      loadTaxonomy(m),
      m.find(TeamEntity),
      this.organisation.at(instant, m),
      loadAdequacyEntries(m),
    ]);
    return { instant, homeRegion, taxonomy, teamKeys: new Map(teams.map((t) => [t.id, t.key])), controller, adequacy };
  }

  /** How many activities these services have at `at`: two statements. */
  private async countActivities(services: readonly ServiceEntity[], at: Date): Promise<number> {
    const ids = services.map((s) => s.id);
    if (!ids.length) return 0;
    const m = this.db.manager;
    const [items, approved] = await Promise.all([inventoriesAt(m, ids, at), revisionsInStatusAt(m, ids, ['APPROVED'], at)]);
    const inventories = groupByService(items);
    const arrangements = groupByService(approved.map((r) => r.revision));
    return services.reduce((n, s) => n + activityPurposes(inventories.get(s.id) ?? [], arrangements.get(s.id) ?? []).length, 0);
  }

  /** The activities of these services (a fixed number of statements whatever their number), in key order. */
  private async activitiesOf(services: readonly ServiceEntity[], context: RopaContext): Promise<RopaActivityRow[]> {
    if (!services.length) return [];
    const { instant, homeRegion: region, taxonomy, teamKeys, controller, adequacy } = context;
    const m = this.db.manager;
    const ids = services.map((s) => s.id);
    const [items, live, measures, assessments] = await Promise.all([
      inventoriesAt(m, ids, instant),
      // Pending ones too: a DPIA comes before the processing (dpiaRequirement); the record lists the approved ones.
      revisionsInStatusAt(m, ids, ['APPROVED', 'PENDING_REVIEW'], instant).then((rows) => rows.map((r) => r.revision)),
      this.measures.of(ids, instant, m),
      assessmentRecords(m, ids, instant, true),
    ]);
    const revisions = live.filter((r) => r.status === 'APPROVED');
    const processors = new Map((await processorsAt(m, live.map((r) => r.processorId), instant)).map((p) => [p.id, p]));
    const effective = await this.policies.effectiveFor(ids, instant, { taxonomy });
    const transfers = new Map(
      revisions.map((r) => {
        const p = processors.get(r.processorId);
        const tias = assessments.tiasByArrangement.get(r.arrangementId) ?? [];
        const legs = p ? transferAssessment({ arrangement: r, processor: processorTransferFacts(p), homeRegion: region, adequacy, tias, at: instant }) : [];
        return [r.arrangementId, legs.map((l): RopaTransferRow => ({ arrangementId: r.arrangementId, processorKey: p?.key ?? '', recipient: l.recipient, country: l.country, restricted: l.restricted, lawful: l.lawful, basis: l.basis, reason: l.reason }))];
      }),
    );

    const inventories = groupByService(items);
    const dpias = dpiaFactsByService({ services, inventories, live, processors, dpias: assessments.dpiasByService, homeRegion: region, taxonomy, at: instant });

    return buildRecordOfProcessing({
      at: instant,
      homeRegion: region,
      controllerGaps: controllerGaps(controller.recorded ? controller : null),
      services: services.map((s) => ({ id: s.id, key: s.key, name: s.name, description: s.description, teamKey: teamKeys.get(s.teamId) ?? '', lifecycle: s.lifecycle })),
      inventories,
      securityMeasures: measures,
      arrangements: revisions.map((r) => ({
        id: r.arrangementId,
        serviceId: r.serviceId,
        processorId: r.processorId,
        dataCategories: r.dataCategories,
        purposes: r.purposes,
        legalBasis: r.legalBasis,
        approvedAt: r.decidedAt,
      })),
      processors: new Map([...processors].map(([id, p]: [string, ProcessorEntity]) => [id, { key: p.key, name: p.name, country: p.country, transferMechanism: p.transferMechanism }])),
      transfers,
      dpias,
      effectiveClauses: new Map([...effective].map(([id, policy]) => [id, policy.clauses])),
      taxonomy,
    });
  }
}

/** What each service's DPIA status is judged from, all as of the record's instant. */
interface DpiaSources {
  services: readonly ServiceEntity[];
  inventories: ReadonlyMap<string, readonly InventoryItemEntity[]>;
  /** The arrangements pending or approved then. */
  live: readonly SharingArrangementRevisionEntity[];
  processors: ReadonlyMap<string, ProcessorEntity>;
  dpias: ReadonlyMap<string, readonly IdentifiedAssessment[]>;
  homeRegion: ResolvedHomeRegion;
  taxonomy: Taxonomy;
  at: Date;
}

/** Each service's DPIA requirement and standing, as the domain judges them (dpiaRequirement, serviceDpiaStandingAt). */
function dpiaFactsByService(from: DpiaSources): Map<string, RopaDpiaFacts> {
  const liveByService = groupByService(from.live);
  return new Map(
    from.services.map((s): [string, RopaDpiaFacts] => {
      const inventory = from.inventories.get(s.id) ?? [];
      const requirement = dpiaRequirement({
        service: s,
        inventory,
        arrangements: (liveByService.get(s.id) ?? []).flatMap((r) => {
          const p = from.processors.get(r.processorId);
          return p ? [{ status: r.status as SharingStatus, dataCategories: r.dataCategories, processor: { country: p.country, subProcessors: p.subProcessors } }] : [];
        }),
        homeRegion: from.homeRegion,
        taxonomy: from.taxonomy,
      });
      const subject = { kind: 'DPIA' as const, collectedCategories: inventory.map((i) => i.dataCategory), taxonomy: from.taxonomy };
      const standing = serviceDpiaStandingAt(from.dpias.get(s.id) ?? [], from.at, subject);
      return [
        s.id,
        {
          required: requirement.required,
          criteria: requirement.criteria.map((c) => c.sentence),
          status: standing.status,
          assessmentId: standing.dpia?.id ?? null,
          approvedAt: standing.dpia?.approvedAt ?? null,
          reviewDueAt: standing.dpia?.reviewDueAt ?? null,
          statusReason: standing.reason,
        },
      ];
    }),
  );
}
