import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import { Service, toService, serviceFieldResolver } from '../services';
import type { InventoryContext } from './inventory.context';
import { InventoryItemInput } from './inventory.inputs';
import { toInventoryItem } from './inventory.mappers';
import { InventoryItem } from './inventory.types';

@Resolver(() => Service)
export class ServiceInventoryResolver {
  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service, { description: "Replaces the whole inventory, all or nothing; the owning team's engineers and officers." })
  async setInventory(
    @Ctx() ctx: InventoryContext,
    @Arg('serviceKey') serviceKey: string,
    @Arg('items', () => [InventoryItemInput]) items: InventoryItemInput[],
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: "the service's inventoryVersion the edit started from; stale -> VERSION_CONFLICT, nothing changes. Omitted: replace whatever is there.",
    })
    expectedVersion: number | null,
  ): Promise<Service> {
    const { service } = await ctx.app.inventory.replace(viewerOf(ctx), serviceKey, items, expectedVersion ?? null);
    ctx.loaders.inventoryByServiceId.clear(service.id);
    return toService(service);
  }

  @FieldResolver(() => Int, { description: 'Optimistic-concurrency counter of the inventory, +1 per replacement that changes it (setInventory expectedVersion).' })
  inventoryVersion(@Root() service: Service): number {
    return service.inventoryVersion;
  }

  @FieldResolver(() => [InventoryItem], { description: 'The current inventory, or the one in force at `at`.' })
  async inventory(
    @Root() service: Service,
    @Ctx() ctx: InventoryContext,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<InventoryItem[]> {
    const rows = at ? await ctx.loaders.inventoryAt.load({ serviceId: service.id, at }) : await ctx.loaders.inventoryByServiceId.load(service.id);
    return rows.map(toInventoryItem);
  }
}

export const InventoryItemResolver = serviceFieldResolver(InventoryItem);
