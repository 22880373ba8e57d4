import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { TaxonomyContext } from './taxonomy.context';
import { AddDataCategoryInput, AddDataUseInput, DataCategory, DataUse } from './taxonomy.types';

@Resolver()
export class TaxonomyResolver {
  @Authorized()
  @Query(() => [DataCategory])
  async dataCategories(@Ctx() ctx: TaxonomyContext): Promise<DataCategory[]> {
    return [...(await ctx.loaders.taxonomy()).categories()];
  }

  @Authorized()
  @Query(() => [DataUse])
  async dataUses(@Ctx() ctx: TaxonomyContext): Promise<DataUse[]> {
    return (await ctx.loaders.taxonomy()).uses().map(({ key, name, description }) => ({ key, name, description }));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => DataCategory, { description: 'Adds a data category under an existing parent (audited).' })
  async addDataCategory(@Ctx() ctx: TaxonomyContext, @Arg('input') input: AddDataCategoryInput): Promise<DataCategory> {
    const row = await ctx.app.taxonomy.addCategory(viewerOf(ctx), input);
    return { key: row.key, name: row.name, description: row.description, parentKey: row.parentKey, sensitive: row.sensitive };
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => DataUse, { description: 'Adds a data use (purpose) (audited).' })
  async addDataUse(@Ctx() ctx: TaxonomyContext, @Arg('input') input: AddDataUseInput): Promise<DataUse> {
    const row = await ctx.app.taxonomy.addUse(viewerOf(ctx), input);
    return { key: row.key, name: row.name, description: row.description };
  }
}
