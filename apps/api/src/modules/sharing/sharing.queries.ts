import { EntityManager, In } from 'typeorm';
import { leanSelect, placeholders, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { revisionsWithOrigins, validAt } from '../../common/history';
import { afterCreated, afterCreatedParameters, createdKey, type PagedList, pagedList } from '../../common/paged-list';

/** Reads of arrangements, current or as of an instant; each one statement per 10,000 keys. */
export class ArrangementQueries {
  constructor(private readonly m: EntityManager) {}

  byIds(ids: readonly string[]): Promise<SharingArrangementEntity[]> {
    return inChunks(ids, (chunk) => leanSelect(this.m, SharingArrangementEntity, `id IN ${placeholders(chunk.length)}`, chunk));
  }

  count(status: string | null): Promise<number> {
    return this.m.count(SharingArrangementEntity, { where: status ? { status } : {} });
  }

  list(status: string | null): Promise<SharingArrangementEntity[]> {
    return this.m.find(SharingArrangementEntity, { where: status ? { status } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  ofServices(serviceIds: readonly string[]): Promise<SharingArrangementEntity[]> {
    return inChunks(serviceIds, (chunk) => leanSelect(this.m, SharingArrangementEntity, `service_id IN ${placeholders(chunk.length)}`, chunk, 'created_at, id'));
  }

  ofProcessors(processorIds: readonly string[]): Promise<SharingArrangementEntity[]> {
    return inChunks(processorIds, (chunk) =>
      this.m.find(SharingArrangementEntity, { where: { processorId: In(chunk) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  /** Revisions valid at `at`, with the immutable origin of each arrangement, oldest arrangement first. */
  revisionsAt(
    filter: { serviceIds: readonly string[] } | { arrangementIds: readonly string[] } | { all: true },
    at: Date,
  ): Promise<{ revision: SharingArrangementRevisionEntity; origin: SharingArrangementEntity }[]> {
    const which = 'arrangementIds' in filter ? { ids: filter.arrangementIds } : filter;
    return revisionsWithOrigins(this.m, SharingArrangementRevisionEntity, 'arrangementId', which, at, (ids) => this.byIds(ids));
  }

  /** What revisionsAt({ all: true }, at) answers, a page at a time (oldest arrangement first): one statement a page, the origin joined. */
  revisionsAtInPages(at: Date): PagedList<{ revision: SharingArrangementRevisionEntity; origin: SharingArrangementEntity }> {
    const query = () => validAt(this.m.createQueryBuilder(SharingArrangementRevisionEntity, 'r').innerJoinAndSelect('r.arrangement', 'a'), 'r', at);
    return pagedList(
      () => query().getCount(),
      async (after: { createdAt: Date; id: string } | null, limit) => {
        const page = query().orderBy('a.createdAt', 'ASC').addOrderBy('a.id', 'ASC').limit(limit);
        const rows = await (after ? page.andWhere(afterCreated('a'), afterCreatedParameters(after)) : page).getMany();
        return rows.map((revision) => ({ revision, origin: revision.arrangement as SharingArrangementEntity }));
      },
      ({ origin }) => createdKey(origin),
    );
  }
}

/**
 * The revisions valid at `at` whose status then was one of `statuses`, each
 * with its arrangement's immutable origin (joined: one statement per 10,000
 * services, or one for 'all'), oldest arrangement first.
 */
export async function revisionsInStatusAt(
  m: EntityManager,
  serviceIds: readonly string[] | 'all',
  statuses: readonly string[],
  at: Date,
): Promise<{ revision: SharingArrangementRevisionEntity; origin: SharingArrangementEntity }[]> {
  const query = () =>
    validAt(m.createQueryBuilder(SharingArrangementRevisionEntity, 'r').innerJoinAndSelect('r.arrangement', 'a').where('r.status IN (:...statuses)', { statuses }), 'r', at)
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC');
  const rows = serviceIds === 'all' ? await query().getMany() : await inChunks(serviceIds, (chunk) => query().andWhere('r.serviceId IN (:...chunk)', { chunk }).getMany());
  return rows.map((revision) => ({ revision, origin: revision.arrangement as SharingArrangementEntity }));
}
