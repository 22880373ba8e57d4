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
import { servicesAt } from '../services';
import { revisionsInStatusAt } from '../sharing';
import { loadTaxonomy } from '../taxonomy';
import { loadAdequacyEntries } from '../transfers';
import { buildRecordOfProcessing, RopaActivityRow, RopaDpiaFacts, RopaTransferRow } from './ropa.build';

export interface RecordOfProcessingData {
  at: Date;
  generatedAt: Date;
  homeRegion: ResolvedHomeRegion;
  controller: ResolvedOrganisationProfile;
  activities: RopaActivityRow[];
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
    const m = this.db.manager;
    const services = await servicesAt(m, 'all', instant);
    const ids = services.map((s) => s.id);
    const [items, live, measures, region, taxonomy, teams, controller, adequacy, assessments] = await Promise.all([
      ids.length ? inventoriesAt(m, ids, instant) : Promise.resolve([]),
      // Pending ones too: a DPIA comes before the processing (dpiaRequirement); the record lists the approved ones.
      revisionsInStatusAt(m, ids, ['APPROVED', 'PENDING_REVIEW'], instant).then((rows) => rows.map((r) => r.revision)),
      this.measures.of(ids, instant, m),
      this.homeRegion.at(instant, m),
      loadTaxonomy(m),
      m.find(TeamEntity),
      this.organisation.at(instant, m),
      loadAdequacyEntries(m),
      assessmentRecords(m, ids, instant, true),
    ]);
    const revisions = live.filter((r) => r.status === 'APPROVED');
    const processors = new Map((await processorsAt(m, live.map((r) => r.processorId), instant)).map((p) => [p.id, p]));
    const effective = await this.policies.effectiveFor(ids, instant, { taxonomy });
    const teamKeys = new Map(teams.map((t) => [t.id, t.key]));
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

    const activities = buildRecordOfProcessing({
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
    return { at: instant, generatedAt, homeRegion: region, controller, activities };
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
