import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../context';
import { viewerOf } from '../../context';
import { toService } from '../services/service.mappers';
import { Service } from '../services/service.types';
import { InventoryItemInput } from './inventory.inputs';
import { toInventoryItem } from './inventory.mappers';
import { InventoryItem } from './inventory.types';

@Resolver(() => Service)
export class ServiceInventoryResolver {
  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service, { description: "Replaces the whole inventory, all or nothing; the owning team's engineers and officers." })
  async setInventory(
    @Ctx() ctx: AppContext,
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
    @Ctx() ctx: AppContext,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<InventoryItem[]> {
    const rows = at ? await ctx.loaders.inventoryAt.load({ serviceId: service.id, at }) : await ctx.loaders.inventoryByServiceId.load(service.id);
    return rows.map(toInventoryItem);
  }
}

@Resolver(() => InventoryItem)
export class InventoryItemResolver {
  @FieldResolver(() => Service)
  async service(@Root() item: InventoryItem, @Ctx() ctx: AppContext): Promise<Service> {
    const row = await ctx.loaders.serviceById.load(item.serviceId);
    if (!row) throw new Error(`inventory item ${item.id} has no service ${item.serviceId}`);
    return toService(row);
  }
}
