import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { mayResolveConflict } from '@canopy/domain';
import type { AppContext } from '../../context';
import { PolicyConflict } from './policy.types';

@Resolver(() => PolicyConflict)
export class ConflictViewerResolver {
  @FieldResolver(() => Boolean, { description: 'The viewer may resolve it now: an OPEN conflict and a privacy officer.' })
  viewerCanResolve(@Root() conflict: PolicyConflict, @Ctx() ctx: AppContext): boolean {
    return Boolean(ctx.viewer) && mayResolveConflict(ctx.viewer!, conflict);
  }
}
