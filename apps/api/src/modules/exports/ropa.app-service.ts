import { EntityManager, In } from 'typeorm';
import {
  AuditEventEntity,
  ProcessorEntity,
  ServiceEntity,
  SharingArrangementRevisionEntity,
  TeamEntity,
} from '@canopy/persistence';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { groupByService, inChunks } from '../../common/batch';
import { validAt } from '../../common/history';
import { controllerGaps } from '@canopy/domain';
import type { HomeRegionReader, ResolvedHomeRegion } from '../home-region';
import type { OrganisationProfileReader, ResolvedOrganisationProfile } from '../organisation';
import { inventoriesAt } from '../inventory';
import type { EffectivePolicyReader } from '../policies';
import type { SecurityMeasuresReader } from '../security-measures';
import { loadTaxonomy } from '../taxonomy';
import { buildRecordOfProcessing, RopaActivityRow, RopaProcessorFacts, RopaServiceFacts } from './ropa.build';

export interface RecordOfProcessingData {
  at: Date;
  generatedAt: Date;
  homeRegion: ResolvedHomeRegion;
  controller: ResolvedOrganisationProfile;
  activities: RopaActivityRow[];
}

/** Audit actions whose `after` snapshot carries a service's or a processor's descriptive fields. */
const SERVICE_ACTIONS = ['service.registered', 'service.updated', 'service.moved'];
const PROCESSOR_ACTIONS = ['processor.registered', 'processor.updated'];

/**
 * Reads what the record of processing needs as of an instant, set-based
 * (a fixed number of statements whatever the number of services), and hands
 * it to buildRecordOfProcessing().
 *
 * History: inventories, arrangements (their revisions), security measures,
 * policies, the home region and the organisation's profile are kept as history and read as of `at`.
 * Services and processors are updated in place; where one changed after
 * `at`, its name, team, lifecycle (services) or country and transfer
 * mechanism (processors) are taken from the last audit snapshot written at
 * or before `at` (the audit log is the hash-chained history of every
 * change). Services registered after `at` are not in the record.
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
    const services = await m
      .createQueryBuilder(ServiceEntity, 's')
      .where('s.createdAt <= :at', { at: instant })
      .orderBy('s.key', 'ASC')
      .getMany();
    const ids = services.map((s) => s.id);
    const [items, revisions, measures, region, taxonomy, teams, controller] = await Promise.all([
      ids.length ? inventoriesAt(m, ids, instant) : Promise.resolve([]),
      this.approvedAt(m, ids, instant),
      this.measures.of(ids, instant, m),
      this.homeRegion.at(instant, m),
      loadTaxonomy(m),
      m.find(TeamEntity),
      this.organisation.at(instant, m),
    ]);
    const processorIds = [...new Set(revisions.map((r) => r.processorId))];
    const processors = processorIds.length ? await inChunks(processorIds, (chunk) => m.findBy(ProcessorEntity, { id: In(chunk) })) : [];
    const effective = await this.policies.effectiveFor(ids, instant, { taxonomy });

    const serviceFacts = await this.servicesAsOf(m, services, new Map(teams.map((t) => [t.id, t.key])), instant);
    const processorFacts = await this.processorsAsOf(m, processors, instant);

    const activities = buildRecordOfProcessing({
      at: instant,
      homeRegion: region,
      controllerGaps: controllerGaps(controller.recorded ? controller : null),
      services: serviceFacts,
      inventories: groupByService(items),
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
      processors: processorFacts,
      effectiveClauses: new Map([...effective].map(([id, policy]) => [id, policy.clauses])),
      taxonomy,
    });
    return { at: instant, generatedAt, homeRegion: region, controller, activities };
  }

  /** Arrangement revisions valid at `at` whose status then was APPROVED. */
  private async approvedAt(m: EntityManager, serviceIds: string[], at: Date): Promise<SharingArrangementRevisionEntity[]> {
    if (!serviceIds.length) return [];
    return inChunks(serviceIds, (ids) =>
      validAt(m.createQueryBuilder(SharingArrangementRevisionEntity, 'r').where('r.serviceId IN (:...ids)', { ids }).andWhere("r.status = 'APPROVED'"), 'r', at).getMany(),
    );
  }

  private async servicesAsOf(m: EntityManager, rows: ServiceEntity[], teamKeys: Map<string, string>, at: Date): Promise<RopaServiceFacts[]> {
    const changed = rows.filter((s) => s.updatedAt.getTime() > at.getTime()).map((s) => s.key);
    const snapshots = await lastSnapshots(m, 'service', SERVICE_ACTIONS, changed, at);
    return rows.map((s) => {
      const snap = snapshots.get(s.key);
      return {
        id: s.id,
        key: s.key,
        name: stringOr(snap?.name, s.name),
        description: snap && 'description' in snap ? (snap.description as string | null) : s.description,
        teamKey: stringOr(snap?.team, teamKeys.get(s.teamId) ?? ''),
        lifecycle: stringOr(snap?.lifecycle, s.lifecycle),
      };
    });
  }

  private async processorsAsOf(m: EntityManager, rows: ProcessorEntity[], at: Date): Promise<Map<string, RopaProcessorFacts>> {
    const changed = rows.filter((p) => p.updatedAt.getTime() > at.getTime()).map((p) => p.key);
    const snapshots = await lastSnapshots(m, 'processor', PROCESSOR_ACTIONS, changed, at);
    return new Map(
      rows.map((p) => {
        const snap = snapshots.get(p.key);
        return [
          p.id,
          {
            key: p.key,
            name: stringOr(snap?.name, p.name),
            country: stringOr(snap?.country, p.country),
            transferMechanism: snap && 'transferMechanism' in snap ? (snap.transferMechanism as string | null) : p.transferMechanism,
          },
        ];
      }),
    );
  }
}

const stringOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** The `after` snapshot of the last of `actions` on each entity at or before `at`: one statement per 10,000 keys. */
async function lastSnapshots(m: EntityManager, entityType: string, actions: string[], keys: string[], at: Date): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!keys.length) return out;
  const events = await inChunks(keys, (chunk) =>
    m
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.entityType = :entityType AND e.entityId IN (:...chunk) AND e.action IN (:...actions) AND e.at <= :at', { entityType, chunk, actions, at })
      .orderBy('e.seq', 'ASC')
      .getMany(),
  );
  for (const event of events) if (event.after) out.set(event.entityId, JSON.parse(event.after) as Record<string, unknown>);
  return out;
}
