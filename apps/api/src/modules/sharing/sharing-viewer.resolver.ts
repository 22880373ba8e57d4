import { Ctx, FieldResolver, Resolver, Root, registerEnumType } from 'type-graphql';
import { SHARING_ACTIONS, type SharingAction, mayEditSharing, sharingActionsFor } from '@canopy/domain';
import type { SharingContext } from './sharing.context';
import { SharingArrangement } from './sharing.types';

/** The domain's sharing transitions as the `SharingAction` enum (SUBMIT, APPROVE...); the values are the domain's. */
export const SharingActionEnum = Object.fromEntries(SHARING_ACTIONS.map((action) => [action.toUpperCase(), action])) as Record<Uppercase<SharingAction>, SharingAction>;
registerEnumType(SharingActionEnum, { name: 'SharingAction', description: 'A transition of a sharing arrangement (DESIGN.md section 5).' });

@Resolver(() => SharingArrangement)
export class SharingViewerResolver {
  @FieldResolver(() => [SharingActionEnum], {
    description:
      'The transitions the viewer may take now (role, team, requester and status); APPROVE may still be refused by a failing check. Empty when read as of an instant.',
  })
  async viewerActions(@Root() arrangement: SharingArrangement, @Ctx() ctx: SharingContext): Promise<SharingAction[]> {
    if (!ctx.viewer || arrangement.asOf) return [];
    const service = await ctx.loaders.serviceById.load(arrangement.serviceId);
    if (!service) return [];
    return sharingActionsFor(ctx.viewer, { status: arrangement.status, teamId: service.teamId, requestedById: arrangement.requestedById });
  }

  @FieldResolver(() => Boolean, {
    description: 'The viewer may change its categories, purposes and legal basis now: a DRAFT, by an officer, the owning team or the requester. False when read as of an instant.',
  })
  async viewerCanEdit(@Root() arrangement: SharingArrangement, @Ctx() ctx: SharingContext): Promise<boolean> {
    if (!ctx.viewer || arrangement.asOf) return false;
    const service = await ctx.loaders.serviceById.load(arrangement.serviceId);
    return Boolean(service) && mayEditSharing(ctx.viewer, { status: arrangement.status, teamId: service!.teamId, requestedById: arrangement.requestedById });
  }
}
