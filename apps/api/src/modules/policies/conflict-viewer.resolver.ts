import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { mayResolveConflict, pairTakesEffectAt } from '@canopy/domain';
import type { PoliciesContext } from './policies.context';
import { PolicyConflict } from './policy.types';

@Resolver(() => PolicyConflict)
export class ConflictViewerResolver {
  @FieldResolver(() => Boolean, { description: 'The viewer may resolve it now: an OPEN conflict and a privacy officer.' })
  viewerCanResolve(@Root() conflict: PolicyConflict, @Ctx() ctx: PoliciesContext): boolean {
    return Boolean(ctx.viewer) && mayResolveConflict(ctx.viewer!, conflict);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the pair of versions comes into force, while that is still ahead (a conflict against a scheduled version); null once in force.',
  })
  takesEffectAt(@Root() conflict: PolicyConflict, @Ctx() ctx: PoliciesContext): Date | null {
    return pairTakesEffectAt(conflict.globalInForceFrom, conflict.serviceInForceFrom, ctx.loaders.now);
  }
}
