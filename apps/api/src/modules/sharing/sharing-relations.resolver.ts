import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Processor } from '../processors';
import { Service } from '../services';
import type { SharingContext } from './sharing.context';
import { toSharingArrangement } from './sharing.mappers';
import { SharingArrangement, SharingStatus } from './sharing.types';

@Resolver(() => Service)
export class ServiceSharingResolver {
  @FieldResolver(() => [SharingArrangement], { description: 'Oldest first; with `at`, as they stood then.' })
  async sharingArrangements(
    @Root() service: Service,
    @Ctx() ctx: SharingContext,
    @Arg('status', () => SharingStatus, { nullable: true }) status: SharingStatus | null,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<SharingArrangement[]> {
    const all = at
      ? await ctx.loaders.arrangementsAt.load({ serviceId: service.id, at })
      : (await ctx.loaders.arrangementsByServiceId.load(service.id)).map(toSharingArrangement);
    return status ? all.filter((a) => a.status === status) : all;
  }
}

@Resolver(() => Processor)
export class ProcessorSharingResolver {
  @FieldResolver(() => [SharingArrangement], { description: 'Oldest first.' })
  async sharingArrangements(
    @Root() processor: Processor,
    @Ctx() ctx: SharingContext,
    @Arg('status', () => SharingStatus, { nullable: true }) status: SharingStatus | null,
  ): Promise<SharingArrangement[]> {
    const rows = await ctx.loaders.arrangementsByProcessorId.load(processor.id);
    return rows.map(toSharingArrangement).filter((a) => !status || a.status === status);
  }
}
