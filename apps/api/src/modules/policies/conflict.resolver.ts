import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import { loadOptionalUser, User } from '../identity';
import { serviceFieldResolver } from '../services';
import type { PoliciesContext } from './policies.context';
import { ConflictStatus } from './policy.enums';
import { ResolveConflictInput } from './policy.inputs';
import { toPolicyConflict } from './policy.mappers';
import { PolicyConflict } from './policy.types';

@Resolver(() => PolicyConflict)
export class ConflictResolver {
  @Authorized()
  @Query(() => [PolicyConflict], { description: 'Status derived now: OPEN (the review queue, scheduled pairs included), RESOLVED, SUPERSEDED. RESULT_TOO_LARGE above CANOPY_MAX_LIST_RESULTS.' })
  async conflicts(
    @Ctx() ctx: PoliciesContext,
    @Arg('status', () => ConflictStatus, { nullable: true }) status: ConflictStatus | null,
  ): Promise<PolicyConflict[]> {
    await ctx.app.listLimit.check('conflicts', "page through services(first, after) with each service's conflicts(status)", () => ctx.app.conflicts.count());
    return (await ctx.app.conflicts.list(status, 'all', ctx.loaders.now)).map(toPolicyConflict);
  }

  @Authorized()
  @Query(() => PolicyConflict, { nullable: true })
  async conflict(@Ctx() ctx: PoliciesContext, @Arg('id', () => ID) id: string): Promise<PolicyConflict | null> {
    const view = await ctx.loaders.conflictById.load(String(id).slice(0, 36));
    return view ? toPolicyConflict(view) : null;
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => PolicyConflict, { description: 'Decides which policy takes precedence for an OPEN conflict; a rationale is required.' })
  async resolveConflict(@Ctx() ctx: PoliciesContext, @Arg('input') input: ResolveConflictInput): Promise<PolicyConflict> {
    return toPolicyConflict(await ctx.app.conflicts.resolve(viewerOf(ctx), input));
  }


  @FieldResolver(() => User, { nullable: true })
  async resolvedBy(@Root() conflict: PolicyConflict, @Ctx() ctx: PoliciesContext): Promise<User | null> {
    return loadOptionalUser(ctx.loaders, conflict.resolvedById);
  }
}

export const PolicyConflictServiceResolver = serviceFieldResolver(PolicyConflict);
