import { EntityManager, In, IsNull } from 'typeorm';
import { InventoryItemEntity } from '@canopy/persistence';
import { byInventoryOrder } from './inventory.mappers';

/** Keeps bound-variable lists under SQLite's 32,766 limit. */
export const ID_CHUNK = 10_000;

export async function inChunks<K, T>(keys: readonly K[], fetch: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += ID_CHUNK) out.push(...(await fetch(keys.slice(i, i + ID_CHUNK))));
  return out;
}

/** Current items of the given services ('all': every service), one statement per 10,000 services. */
export async function currentInventories(m: EntityManager, serviceIds: readonly string[] | 'all'): Promise<InventoryItemEntity[]> {
  const rows =
    serviceIds === 'all'
      ? await m.find(InventoryItemEntity, { where: { validTo: IsNull() } })
      : await inChunks([...new Set(serviceIds)], (ids) => m.find(InventoryItemEntity, { where: { serviceId: In(ids), validTo: IsNull() } }));
  return rows.sort(byInventoryOrder);
}

/** Items of the given services valid at `at`: valid_from <= at < valid_to. */
export async function inventoriesAt(m: EntityManager, serviceIds: readonly string[], at: Date): Promise<InventoryItemEntity[]> {
  const rows = await inChunks([...new Set(serviceIds)], (ids) =>
    m
      .createQueryBuilder(InventoryItemEntity, 'i')
      .where('i.serviceId IN (:...ids)', { ids })
      .andWhere('i.validFrom <= :at AND (i.validTo IS NULL OR i.validTo > :at)', { at })
      .getMany(),
  );
  return rows.sort(byInventoryOrder);
}

export function groupByService<T extends { serviceId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.serviceId);
    if (list) list.push(row);
    else map.set(row.serviceId, [row]);
  }
  return map;
}
