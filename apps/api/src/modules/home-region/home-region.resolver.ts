import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { HomeRegionContext } from './home-region.context';
import type { ResolvedHomeRegion } from './home-region.app-service';
import { HomeRegion, HomeRegionInput } from './home-region.types';

const toHomeRegion = (r: ResolvedHomeRegion): HomeRegion =>
  Object.assign(new HomeRegion(), { name: r.name, countries: r.countries, isDefault: r.isDefault, validFrom: r.validFrom });

@Resolver(() => HomeRegion)
export class HomeRegionResolver {
  @Authorized()
  @Query(() => HomeRegion, { description: "The organisation's home region at `at` (default now)." })
  async homeRegion(@Ctx() ctx: HomeRegionContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<HomeRegion> {
    return toHomeRegion(await ctx.app.homeRegion.at(at ?? ctx.loaders.now));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => HomeRegion, { description: 'Sets the home region from now on (earlier instants keep the region they had). Audited.' })
  async setHomeRegion(@Ctx() ctx: HomeRegionContext, @Arg('input') input: HomeRegionInput): Promise<HomeRegion> {
    return toHomeRegion(await ctx.app.homeRegion.set(viewerOf(ctx), input));
  }
}
