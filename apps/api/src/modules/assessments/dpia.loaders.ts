import DataLoader from 'dataloader';
import { dpiaRequirement, type DpiaRequirement as DpiaRule, type SharingStatus } from '@canopy/domain';
import type { HomeRegionLoaders } from '../home-region';
import type { InventoryLoaders } from '../inventory';
import type { ProcessorLoaders } from '../processors';
import type { SharingLoaders } from '../sharing';
import type { TaxonomyLoaders } from '../taxonomy';

/** What the DPIA rule needs of a service beyond its relations. */
export interface DpiaSubject {
  id: string;
  servesMinors: boolean;
}

type Needed = InventoryLoaders & SharingLoaders & ProcessorLoaders & TaxonomyLoaders & HomeRegionLoaders;

/**
 * `Service.dpia` for a page of services, now: the current inventories,
 * arrangements and their processors come through the request's loaders
 * (one statement each for the whole page), the taxonomy and the home region
 * once per request; the rule is the domain's.
 */
export function createDpiaLoaders(loaders: Needed) {
  return {
    dpiaByService: new DataLoader<DpiaSubject, DpiaRule, string>(
      async (services) => {
        const ids = services.map((s) => s.id);
        const [inventories, arrangements, taxonomy, homeRegion] = await Promise.all([
          loaders.inventoryByServiceId.loadMany(ids),
          loaders.arrangementsByServiceId.loadMany(ids),
          loaders.taxonomy(),
          loaders.homeRegionNow(),
        ]);
        const processorIds = [...new Set(arrangements.flatMap((list) => (list instanceof Error ? [] : list.map((a) => a.processorId))))];
        const processors = new Map((await loaders.processorById.loadMany(processorIds)).flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p] as const] : [])));
        return services.map((service, i) => {
          const inventory = inventories[i];
          const list = arrangements[i];
          if (inventory instanceof Error) return inventory;
          if (list instanceof Error) return list;
          return dpiaRequirement({
            service,
            inventory,
            arrangements: list.flatMap((a) => {
              const p = processors.get(a.processorId);
              return p ? [{ status: a.status as SharingStatus, dataCategories: a.dataCategories, processor: { country: p.country, subProcessors: p.subProcessors } }] : [];
            }),
            homeRegion,
            taxonomy,
          });
        });
      },
      { cacheKeyFn: (s) => s.id },
    ),
  };
}

export type DpiaLoaders = ReturnType<typeof createDpiaLoaders>;
