import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { mayDraftPolicy, mayPublishPolicy } from '@canopy/domain';
import type { AppContext } from '../../context';
import { Policy } from './policy.types';

@Resolver(() => Policy)
export class PolicyViewerResolver {
  @FieldResolver(() => Boolean, {
    description: "The viewer may draft a version, edit the draft or discard it: privacy officers, and for a SERVICE policy the owning team's engineers.",
  })
  async viewerCanDraft(@Root() policy: Policy, @Ctx() ctx: AppContext): Promise<boolean> {
    if (!ctx.viewer) return false;
    const service = policy.serviceId ? await ctx.loaders.serviceById.load(policy.serviceId) : null;
    return mayDraftPolicy(ctx.viewer, { scope: policy.scope, teamId: service?.teamId ?? null });
  }

  @FieldResolver(() => Boolean, { description: "The viewer may publish this policy's drafts: privacy officers." })
  viewerCanPublish(@Ctx() ctx: AppContext): boolean {
    return Boolean(ctx.viewer) && mayPublishPolicy(ctx.viewer!);
  }
}
