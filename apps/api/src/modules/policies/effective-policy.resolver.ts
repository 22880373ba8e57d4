import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../common/errors';
import { Service, serviceFieldResolver } from '../services';
import type { PoliciesContext } from './policies.context';
import { ConflictStatus } from './policy.enums';
import { toEffectiveClause, toPolicy, toPolicyConflict } from './policy.mappers';
import { EffectiveClause, EffectivePolicy, Policy, PolicyConflict } from './policy.types';

async function effectivePolicyOf(ctx: PoliciesContext, serviceId: string, at: Date | null): Promise<EffectivePolicy> {
  const instant = at ?? ctx.loaders.now;
  const effective = await ctx.loaders.effectivePolicy.load({ serviceId, at: instant });
  return Object.assign(new EffectivePolicy(), { at: instant, clauses: effective.clauses.map(toEffectiveClause), serviceId });
}

@Resolver(() => EffectivePolicy)
export class EffectivePolicyResolver {
  @Authorized()
  @Query(() => EffectivePolicy, { description: 'The effective policy of a service at `at` (default now), each clause explained.' })
  async effectivePolicy(
    @Ctx() ctx: PoliciesContext,
    @Arg('serviceKey') serviceKey: string,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<EffectivePolicy> {
    const service = await ctx.loaders.serviceByKey.load(serviceKey);
    if (!service) throw notFound('Service', serviceKey);
    return effectivePolicyOf(ctx, service.id, at);
  }

}

@Resolver(() => EffectiveClause)
export class EffectiveClauseResolver {
  @FieldResolver(() => PolicyConflict, { nullable: true })
  async conflict(@Root() clause: EffectiveClause, @Ctx() ctx: PoliciesContext): Promise<PolicyConflict | null> {
    if (!clause.conflictId) return null;
    const view = await ctx.loaders.conflictById.load(clause.conflictId);
    return view ? toPolicyConflict(view) : null;
  }
}

@Resolver(() => Service)
export class ServicePolicyResolver {
  @FieldResolver(() => Policy, { nullable: true, description: 'the service-specific policy, if any' })
  async policy(@Root() service: Service, @Ctx() ctx: PoliciesContext): Promise<Policy | null> {
    const row = await ctx.loaders.policyByServiceId.load(service.id);
    return row ? toPolicy(row) : null;
  }

  @FieldResolver(() => EffectivePolicy)
  async effectivePolicy(@Root() service: Service, @Ctx() ctx: PoliciesContext, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<EffectivePolicy> {
    return effectivePolicyOf(ctx, service.id, at);
  }

  @FieldResolver(() => [PolicyConflict])
  async conflicts(
    @Root() service: Service,
    @Ctx() ctx: PoliciesContext,
    @Arg('status', () => ConflictStatus, { nullable: true }) status: ConflictStatus | null,
  ): Promise<PolicyConflict[]> {
    return (await ctx.loaders.conflictsByServiceId.load(service.id)).filter((v) => !status || v.status === status).map(toPolicyConflict);
  }
}

export const EffectivePolicyServiceResolver = serviceFieldResolver(EffectivePolicy);
