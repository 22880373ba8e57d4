import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../context';
import { viewerOf } from '../../context';
import { RegisterProcessorInput, UpdateProcessorInput } from './processor.inputs';
import { toProcessor } from './processor.mappers';
import { Processor } from './processor.types';

@Resolver(() => Processor)
export class ProcessorResolver {
  @Authorized()
  @Query(() => Processor, { nullable: true })
  async processor(@Ctx() ctx: AppContext, @Arg('key') key: string): Promise<Processor | null> {
    const row = await ctx.app.processors.byKey(key);
    return row ? toProcessor(row) : null;
  }

  @Authorized()
  @Query(() => [Processor], { description: 'Ordered by key.' })
  async processors(@Ctx() ctx: AppContext): Promise<Processor[]> {
    const now = new Date();
    return (await ctx.app.processors.list()).map((row) => toProcessor(row, now));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Processor)
  async registerProcessor(@Ctx() ctx: AppContext, @Arg('input') input: RegisterProcessorInput): Promise<Processor> {
    return toProcessor(await ctx.app.processors.register(viewerOf(ctx), input));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => Processor, { description: 'DPA renewal, contact changes; omitted fields stay, null clears an optional one.' })
  async updateProcessor(@Ctx() ctx: AppContext, @Arg('input') input: UpdateProcessorInput): Promise<Processor> {
    const row = await ctx.app.processors.update(viewerOf(ctx), input);
    ctx.loaders.processorById.clear(row.id);
    return toProcessor(row);
  }
}
