import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import type { OrganisationContext } from './organisation.context';
import { toOrganisationProfile } from './organisation-profile.mappers';
import { OrganisationProfile, OrganisationProfileInput } from './organisation-profile.types';

@Resolver(() => OrganisationProfile)
export class OrganisationProfileResolver {
  @Authorized()
  @Query(() => OrganisationProfile, { description: "The organisation's profile (the controller's identity) at `at` (default now)." })
  async organisationProfile(@Ctx() ctx: OrganisationContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<OrganisationProfile> {
    return toOrganisationProfile(await ctx.app.organisationProfile.at(at ?? ctx.loaders.now));
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => OrganisationProfile, { description: "Sets the organisation's profile from now on (earlier instants keep the profile they had). Audited." })
  async setOrganisationProfile(@Ctx() ctx: OrganisationContext, @Arg('input') input: OrganisationProfileInput): Promise<OrganisationProfile> {
    return toOrganisationProfile(await ctx.app.organisationProfile.set(viewerOf(ctx), input));
  }
}
