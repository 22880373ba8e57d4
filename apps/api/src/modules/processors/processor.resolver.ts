import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { ProcessorsContext } from './processors.context';
import { RegisterProcessorInput, UpdateProcessorInput } from './processor.inputs';
import { toProcessor } from './processor.mappers';
import { Processor } from './processor.types';

@Resolver(() => Processor)
export class ProcessorResolver {
  @Authorized()
  @Query(() => Processor, { nullable: true })
  async processor(@Ctx() ctx: ProcessorsContext, @Arg('key') key: string): Promise<Processor | null> {
    const row = await ctx.app.processors.byKey(key);
    return row ? toProcessor(row, ctx.loaders.now) : null;
  }

  @Authorized()
  @Query(() => [Processor], { description: 'Ordered by key. RESULT_TOO_LARGE above CANOPY_MAX_LIST_RESULTS.' })
  async processors(@Ctx() ctx: ProcessorsContext): Promise<Processor[]> {
    await ctx.app.listLimit.check('processors', 'look one up with processor(key), or page through services(first, after) with their sharingArrangements { processor }', () =>
      ctx.app.processors.count(),
    );
    return (await ctx.app.processors.list()).map((row) => toProcessor(row, ctx.loaders.now));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Processor)
  async registerProcessor(@Ctx() ctx: ProcessorsContext, @Arg('input') input: RegisterProcessorInput): Promise<Processor> {
    return toProcessor(await ctx.app.processors.register(viewerOf(ctx), input), ctx.loaders.now);
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Processor, { description: 'DPA renewal, contact changes; omitted fields stay, null clears an optional one.' })
  async updateProcessor(@Ctx() ctx: ProcessorsContext, @Arg('input') input: UpdateProcessorInput): Promise<Processor> {
    const row = await ctx.app.processors.update(viewerOf(ctx), input);
    ctx.loaders.processorById.clear(row.id);
    return toProcessor(row, ctx.loaders.now);
  }
}
