import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { type ServiceEntity, serviceAsOf, ServiceRevisionEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { validAt } from '../../common/history';

/** A place in the services' key order: at `key` (inclusive) or just after it. */
export interface ServicePosition {
  key: string;
  inclusive: boolean;
}

const revisionsAt = (m: EntityManager, at: Date): SelectQueryBuilder<ServiceRevisionEntity> =>
  validAt(m.createQueryBuilder(ServiceRevisionEntity, 'r').innerJoinAndSelect('r.service', 's'), 'r', at);

const asOf = (revisions: ServiceRevisionEntity[]): ServiceEntity[] => revisions.map((r) => serviceAsOf(r.service as ServiceEntity, r));

/**
 * Services as they were at `at` (name, description, team, lifecycle, serves
 * minors from their revisions valid then), by key; one statement per 10,000
 * ids ('all': one statement). A service registered after `at` is absent.
 */
export async function servicesAt(m: EntityManager, ids: readonly string[] | 'all', at: Date): Promise<ServiceEntity[]> {
  const rows = ids === 'all' ? await revisionsAt(m, at).getMany() : await inChunks([...new Set(ids)], (chunk) => revisionsAt(m, at).andWhere('r.serviceId IN (:...chunk)', { chunk }).getMany());
  return asOf(rows).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Up to `limit` services as they were at `at`, in key order from a position (null: the first), and whether more follow; one statement. */
export async function servicesAtFrom(m: EntityManager, at: Date, from: ServicePosition | null, limit: number): Promise<{ services: ServiceEntity[]; more: boolean }> {
  const query = revisionsAt(m, at).orderBy('s.key', 'ASC').limit(limit + 1);
  if (from) query.andWhere(from.inclusive ? 's.key >= :key' : 's.key > :key', { key: from.key });
  const rows = asOf(await query.getMany());
  return { services: rows.slice(0, limit), more: rows.length > limit };
}
