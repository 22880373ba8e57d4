import { EntityManager, In, MoreThan } from 'typeorm';
import type { ArrangementFacts, InventoryItemFacts, Taxonomy } from '@canopy/domain';
import { FindingAcceptanceEntity, ProcessorEntity, ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import { currentInventories, groupByService, inChunks } from '../inventory/inventory.queries';
import { loadTaxonomy } from '../taxonomy/taxonomy.app-service';

/** Arrangement states the findings rules read (SHARING_UNDECLARED_CATEGORY: DRAFT, PENDING_REVIEW, APPROVED). */
const LIVE_STATUSES = ['DRAFT', 'PENDING_REVIEW', 'APPROVED'];

/** Everything the findings of a set of services are computed from, apart from their effective policies. */
export interface FindingsFacts {
  services: ServiceEntity[];
  inventories: Map<string, InventoryItemFacts[]>;
  arrangements: Map<string, ArrangementFacts[]>;
  /** Unexpired acceptances, per service. */
  acceptances: Map<string, FindingAcceptanceEntity[]>;
  taxonomy: Taxonomy;
}

/**
 * Loads the facts set-based: services, current inventories, live
 * arrangements with their processors, unexpired acceptances and the
 * taxonomy: six statements whatever the number of services (one more each
 * per 10,000 services when a list is given).
 */
export async function loadFindingsFacts(m: EntityManager, scope: readonly string[] | 'all', now: Date): Promise<FindingsFacts> {
  const services =
    scope === 'all'
      ? await m.find(ServiceEntity, { order: { key: 'ASC' } })
      : (await inChunks([...new Set(scope)], (ids) => m.findBy(ServiceEntity, { id: In(ids) }))).sort((a, b) => (a.key < b.key ? -1 : 1));
  const ids = scope === 'all' ? 'all' : services.map((s) => s.id);
  const none = ids !== 'all' && ids.length === 0;
  const [items, arrangements, acceptances, taxonomy] = none
    ? [[], [], [], await loadTaxonomy(m)]
    : [
        await currentInventories(m, ids),
        await liveArrangements(m, ids),
        ids === 'all'
          ? await m.find(FindingAcceptanceEntity, { where: { expiresAt: MoreThan(now) } })
          : await inChunks(ids, (chunk) => m.find(FindingAcceptanceEntity, { where: { serviceId: In(chunk), expiresAt: MoreThan(now) } })),
        await loadTaxonomy(m),
      ];
  const arrangementFacts = new Map<string, ArrangementFacts[]>();
  for (const a of arrangements) {
    const p = a.processor as ProcessorEntity;
    const list = arrangementFacts.get(a.serviceId) ?? [];
    list.push({
      id: a.id,
      status: a.status as ArrangementFacts['status'],
      dataCategories: a.dataCategories,
      legalBasis: a.legalBasis as ArrangementFacts['legalBasis'],
      processor: { key: p.key, dpaSignedAt: p.dpaSignedAt, dpaExpiresAt: p.dpaExpiresAt },
    });
    arrangementFacts.set(a.serviceId, list);
  }
  return {
    services,
    // Source, legal basis and encryption were validated against their enums when written.
    inventories: groupByService(items) as unknown as Map<string, InventoryItemFacts[]>,
    arrangements: arrangementFacts,
    acceptances: groupByService(acceptances),
    taxonomy,
  };
}

/** DRAFT, PENDING_REVIEW and APPROVED arrangements with their processors, in one statement per chunk. */
async function liveArrangements(m: EntityManager, ids: readonly string[] | 'all'): Promise<SharingArrangementEntity[]> {
  const query = () =>
    m
      .createQueryBuilder(SharingArrangementEntity, 'a')
      .innerJoinAndSelect('a.processor', 'p')
      .where('a.status IN (:...statuses)', { statuses: LIVE_STATUSES })
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC');
  if (ids === 'all') return query().getMany();
  return inChunks(ids, (chunk) => query().andWhere('a.serviceId IN (:...chunk)', { chunk }).getMany());
}
