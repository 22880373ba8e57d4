import { EntityManager, In, IsNull } from 'typeorm';
import { InventoryItemEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { validAt } from '../../common/history';
import { byInventoryOrder } from './inventory.mappers';

/** Current items of the given services ('all': every service), one statement per 10,000 services. */
export async function currentInventories(m: EntityManager, serviceIds: readonly string[] | 'all'): Promise<InventoryItemEntity[]> {
  const rows =
    serviceIds === 'all'
      ? await m.find(InventoryItemEntity, { where: { validTo: IsNull() } })
      : await inChunks(serviceIds, (ids) => m.find(InventoryItemEntity, { where: { serviceId: In(ids), validTo: IsNull() } }));
  return rows.sort(byInventoryOrder);
}

/** Items of the given services valid at `at`. */
export async function inventoriesAt(m: EntityManager, serviceIds: readonly string[], at: Date): Promise<InventoryItemEntity[]> {
  const rows = await inChunks(serviceIds, (ids) => validAt(m.createQueryBuilder(InventoryItemEntity, 'i').where('i.serviceId IN (:...ids)', { ids }), 'i', at).getMany());
  return rows.sort(byInventoryOrder);
}
