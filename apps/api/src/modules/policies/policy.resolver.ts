import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import { Service, toService } from '../services';
import type { PoliciesContext } from './policies.context';
import { PolicyScope } from './policy.enums';
import { CreatePolicyInput, DraftPolicyVersionInput, PublishPolicyVersionInput } from './policy.inputs';
import { toPolicy, toPolicyVersion } from './policy.mappers';
import { Policy, PolicyVersion } from './policy.types';

@Resolver(() => Policy)
export class PolicyResolver {
  @Authorized()
  @Query(() => Policy, { nullable: true })
  async policy(@Ctx() ctx: PoliciesContext, @Arg('key') key: string): Promise<Policy | null> {
    const row = await ctx.app.policyCatalog.byKey(key);
    return row ? toPolicy(row) : null;
  }

  @Authorized()
  @Query(() => [Policy], { description: 'The global policy first, then service policies by key.' })
  async policies(@Ctx() ctx: PoliciesContext, @Arg('scope', () => PolicyScope, { nullable: true }) scope: PolicyScope | null): Promise<Policy[]> {
    return (await ctx.app.policyCatalog.list(scope)).map(toPolicy);
  }

  @Authorized('PRIVACY_OFFICER', 'ENGINEER')
  @Mutation(() => Policy, { description: 'GLOBAL: officers, once per organisation. SERVICE: officers or the owning team.' })
  async createPolicy(@Ctx() ctx: PoliciesContext, @Arg('input') input: CreatePolicyInput): Promise<Policy> {
    return toPolicy(await ctx.app.policyAuthoring.createPolicy(viewerOf(ctx), input));
  }

  @Authorized('PRIVACY_OFFICER', 'ENGINEER')
  @Mutation(() => PolicyVersion, { description: 'Creates the DRAFT, or replaces its clauses: a policy has one draft at most.' })
  async draftPolicyVersion(@Ctx() ctx: PoliciesContext, @Arg('input') input: DraftPolicyVersionInput): Promise<PolicyVersion> {
    return toPolicyVersion(await ctx.app.policyAuthoring.draftVersion(viewerOf(ctx), input));
  }

  @Authorized('PRIVACY_OFFICER', 'ENGINEER')
  @Mutation(() => Boolean, { description: 'Discards the policy\'s DRAFT.' })
  async discardPolicyDraft(@Ctx() ctx: PoliciesContext, @Arg('policyKey') policyKey: string): Promise<boolean> {
    return ctx.app.policyAuthoring.discardDraft(viewerOf(ctx), policyKey);
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => PolicyVersion, { description: 'Publishes the DRAFT: NOTICE_REQUIRED for a material reduction without enough notice, LOCKED_CLAUSE for a service version weakening a locked global clause.' })
  async publishPolicyVersion(@Ctx() ctx: PoliciesContext, @Arg('input') input: PublishPolicyVersionInput): Promise<PolicyVersion> {
    return toPolicyVersion(await ctx.app.policyAuthoring.publish(viewerOf(ctx), input));
  }

  @FieldResolver(() => Service, { nullable: true, description: 'set when scope is SERVICE' })
  async service(@Root() policy: Policy, @Ctx() ctx: PoliciesContext): Promise<Service | null> {
    if (!policy.serviceId) return null;
    const row = await ctx.loaders.serviceById.load(policy.serviceId);
    return row ? toService(row) : null;
  }

  @FieldResolver(() => PolicyVersion, { nullable: true, description: 'published and in effect at `at` (default now)' })
  async currentVersion(
    @Root() policy: Policy,
    @Ctx() ctx: PoliciesContext,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<PolicyVersion | null> {
    const instant = (at ?? ctx.loaders.now).getTime();
    const inForce = (await ctx.loaders.versionsByPolicyId.load(policy.id))
      .filter((v) => v.status === 'PUBLISHED' && v.inForceFrom && v.inForceFrom.getTime() <= instant)
      .sort((a, b) => b.number - a.number)[0];
    return inForce ? toPolicyVersion(inForce) : null;
  }

  @FieldResolver(() => [PolicyVersion], { description: 'Oldest first, the DRAFT (if any) last.' })
  async versions(@Root() policy: Policy, @Ctx() ctx: PoliciesContext): Promise<PolicyVersion[]> {
    return (await ctx.loaders.versionsByPolicyId.load(policy.id)).map(toPolicyVersion);
  }

  @FieldResolver(() => PolicyVersion, { nullable: true, description: 'The DRAFT being edited, if any.' })
  async draft(@Root() policy: Policy, @Ctx() ctx: PoliciesContext): Promise<PolicyVersion | null> {
    const draft = (await ctx.loaders.versionsByPolicyId.load(policy.id)).find((v) => v.status === 'DRAFT');
    return draft ? toPolicyVersion(draft) : null;
  }
}
