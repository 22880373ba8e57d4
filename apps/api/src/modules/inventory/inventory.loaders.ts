import DataLoader from 'dataloader';
import type { InventoryItemEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { currentInventories, groupByService, inventoriesAt } from './inventory.queries';

export interface InventoryAtKey {
  serviceId: string;
  at: Date;
}

export function createInventoryLoaders(db: Database) {
  const m = db.manager;
  return {
    inventoryByServiceId: new DataLoader<string, InventoryItemEntity[]>(async (serviceIds) => {
      const groups = groupByService(await currentInventories(m, serviceIds));
      return serviceIds.map((id) => groups.get(id) ?? []);
    }),
    /** Inventories as of an instant: one statement per distinct instant in the batch. */
    inventoryAt: new DataLoader<InventoryAtKey, InventoryItemEntity[], string>(
      async (keys) => {
        const byInstant = new Map<number, string[]>();
        for (const key of keys) byInstant.set(key.at.getTime(), [...(byInstant.get(key.at.getTime()) ?? []), key.serviceId]);
        const results = new Map<string, InventoryItemEntity[]>();
        for (const [instant, serviceIds] of byInstant) {
          const groups = groupByService(await inventoriesAt(m, serviceIds, new Date(instant)));
          for (const id of serviceIds) results.set(`${id}@${instant}`, groups.get(id) ?? []);
        }
        return keys.map((k) => results.get(`${k.serviceId}@${k.at.getTime()}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.serviceId}@${k.at.getTime()}` },
    ),
  };
}
