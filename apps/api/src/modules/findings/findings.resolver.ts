import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Severity as DomainSeverity } from '@canopy/domain';
import { viewerOf } from '../../auth/request-context';
import { notFound } from '../../common/errors';
import { Service } from '../services';
import type { FindingsContext } from './findings.context';
import { AcceptFindingInput } from './finding.inputs';
import { findingMapper, toFindingAcceptance } from './finding.mappers';
import { Finding, FindingAcceptance, Severity } from './finding.types';

@Resolver(() => Finding)
export class FindingsResolver {
  @Authorized()
  @Query(() => [Finding], {
    description:
      'Computed now; by service key, then most severe first. Accepted findings stay listed, marked accepted. RESULT_TOO_LARGE above the configured limit (CANOPY_MAX_LIST_RESULTS): use findingsConnection.',
  })
  async findings(
    @Ctx() ctx: FindingsContext,
    @Arg('serviceKey', () => String, { nullable: true }) serviceKey: string | null,
    @Arg('minSeverity', () => Severity, { nullable: true }) minSeverity: Severity | null,
    @Arg('accepted', () => Boolean, { nullable: true, description: 'true: only accepted ones; false: only open ones' }) accepted: boolean | null,
  ): Promise<Finding[]> {
    let only = null;
    if (serviceKey != null) {
      only = await ctx.loaders.serviceByKey.load(serviceKey);
      if (!only) throw notFound('Service', serviceKey);
    }
    const criteria = { minSeverity: minSeverity as DomainSeverity | null, accepted };
    const now = ctx.loaders.now;
    return (await ctx.app.findingsPager.list(only, criteria, now, await ctx.loaders.organisationFacts(), ctx.app.listLimit.max)).map(findingMapper());
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => FindingAcceptance, { description: 'Accepts the current findings of one rule and category of a service until expiresAt (audited).' })
  async acceptFinding(@Ctx() ctx: FindingsContext, @Arg('input') input: AcceptFindingInput): Promise<FindingAcceptance> {
    const row = await ctx.app.findingAcceptances.accept(viewerOf(ctx), input);
    ctx.loaders.findingsByServiceId.clear(row.serviceId);
    return toFindingAcceptance(row);
  }

  @FieldResolver(() => Service)
  service(@Root() finding: Finding): Service {
    return finding.serviceObject;
  }
}
