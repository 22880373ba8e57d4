import { EntityManager, IsNull } from 'typeorm';
import { InventoryItemEntity, leanSelect, placeholders } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { validAt } from '../../common/history';
import { inInventoryOrder } from './inventory.mappers';

/** Current items of the given services ('all': every service), one statement per 10,000 services. */
export async function currentInventories(m: EntityManager, serviceIds: readonly string[] | 'all'): Promise<InventoryItemEntity[]> {
  const rows =
    serviceIds === 'all'
      ? await m.find(InventoryItemEntity, { where: { validTo: IsNull() } })
      : await inChunks(serviceIds, (ids) => leanSelect(m, InventoryItemEntity, `service_id IN ${placeholders(ids.length)} AND valid_to IS NULL`, ids));
  return inInventoryOrder(rows);
}

/** Items of the given services valid at `at`. */
export async function inventoriesAt(m: EntityManager, serviceIds: readonly string[], at: Date): Promise<InventoryItemEntity[]> {
  const rows = await inChunks(serviceIds, (ids) => validAt(m.createQueryBuilder(InventoryItemEntity, 'i').where('i.serviceId IN (:...ids)', { ids }), 'i', at).getMany());
  return inInventoryOrder(rows);
}
