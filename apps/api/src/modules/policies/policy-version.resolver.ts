import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assessMaterialReduction, diffClauses } from '@canopy/domain';
import type { PolicyVersionEntity } from '@canopy/persistence';
import { loadOptionalUser, User } from '../identity';
import type { PoliciesContext } from './policies.context';
import { ChangeKind, ClauseTopic } from './policy.enums';
import { toDomainClause, toPolicy } from './policy.mappers';
import { ClauseChange, Policy, PolicyClause, PolicyVersion } from './policy.types';

/** The published version a version is compared with: the highest-numbered one before it (any, for a draft). */
async function previousPublished(version: PolicyVersion, ctx: PoliciesContext): Promise<PolicyVersionEntity | null> {
  const versions = await ctx.loaders.versionsByPolicyId.load(version.policyId);
  return (
    versions
      .filter((v) => v.status === 'PUBLISHED' && v.id !== version.id && (version.status === 'DRAFT' || v.number < version.number))
      .sort((a, b) => b.number - a.number)[0] ?? null
  );
}

async function clausesOf(versionId: string, ctx: PoliciesContext) {
  return (await ctx.loaders.clausesByVersionId.load(versionId)).map(toDomainClause);
}

@Resolver(() => PolicyVersion)
export class PolicyVersionResolver {
  @FieldResolver(() => [PolicyClause])
  async clauses(@Root() version: PolicyVersion, @Ctx() ctx: PoliciesContext): Promise<PolicyClause[]> {
    return (await ctx.loaders.clausesByVersionId.load(version.id)).map((c) => ({
      topic: c.topic as ClauseTopic,
      subject: c.subject,
      value: c.value,
      locked: c.locked,
      text: c.text,
    }));
  }

  @FieldResolver(() => [ClauseChange], { description: 'against the previous published version' })
  async changes(@Root() version: PolicyVersion, @Ctx() ctx: PoliciesContext): Promise<ClauseChange[]> {
    const previous = await previousPublished(version, ctx);
    const changes = diffClauses(previous ? await clausesOf(previous.id, ctx) : null, await clausesOf(version.id, ctx));
    return changes.map((c) => ({ topic: c.topic as ClauseTopic, subject: c.subject, kind: c.kind as ChangeKind, before: c.before, after: c.after }));
  }

  @FieldResolver(() => Boolean, { description: "any change that reduces users' rights" })
  async materialReduction(@Root() version: PolicyVersion, @Ctx() ctx: PoliciesContext): Promise<boolean> {
    return version.status === 'PUBLISHED' ? version.storedMaterialReduction : (await this.liveAssessment(version, ctx)).materialReduction;
  }

  @FieldResolver(() => [String], { description: 'The concrete subjects (TOPIC subject) whose applicable value gets weaker.' })
  async weakenedSubjects(@Root() version: PolicyVersion, @Ctx() ctx: PoliciesContext): Promise<string[]> {
    if (version.status === 'PUBLISHED') return version.storedWeakenedSubjects ?? [];
    return (await this.liveAssessment(version, ctx)).weakenedSubjects;
  }

  @FieldResolver(() => User, { nullable: true })
  async publishedBy(@Root() version: PolicyVersion, @Ctx() ctx: PoliciesContext): Promise<User | null> {
    return loadOptionalUser(ctx.loaders, version.publishedById);
  }

  @FieldResolver(() => Policy)
  async policy(@Root() version: PolicyVersion, @Ctx() ctx: PoliciesContext): Promise<Policy> {
    const policy = await ctx.loaders.policyById.load(version.policyId);
    if (!policy) throw new Error(`version ${version.id} has no policy`);
    return toPolicy(policy);
  }

  private async liveAssessment(version: PolicyVersion, ctx: PoliciesContext) {
    const previous = await previousPublished(version, ctx);
    const taxonomy = await ctx.loaders.taxonomy();
    return assessMaterialReduction(previous ? await clausesOf(previous.id, ctx) : null, await clausesOf(version.id, ctx), taxonomy);
  }
}
