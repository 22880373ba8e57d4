import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { InventoryItemEntity } from '@canopy/persistence';
import { groupByService } from '../../common/batch';
import { asOfLoader } from '../../common/loader-helpers';
import { currentInventories, inventoriesAt } from './inventory.queries';

/** Per-request loaders of inventories: current, or as of an instant (one statement per distinct instant). */
export function createInventoryLoaders(m: EntityManager) {
  return {
    inventoryByServiceId: new DataLoader<string, InventoryItemEntity[]>(async (serviceIds) => {
      const groups = groupByService(await currentInventories(m, serviceIds));
      return serviceIds.map((id) => groups.get(id) ?? []);
    }),
    inventoryAt: asOfLoader<InventoryItemEntity[]>(async (serviceIds, at) => groupByService(await inventoriesAt(m, serviceIds, at)), []),
  };
}

export type InventoryLoaders = ReturnType<typeof createInventoryLoaders>;
