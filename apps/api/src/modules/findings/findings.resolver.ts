import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { severityAtLeast } from '@canopy/domain';
import type { AppContext } from '../../context';
import { viewerOf } from '../../context';
import { notFound } from '../../common/errors';
import { Service } from '../services/service.types';
import { AcceptFindingInput } from './finding.inputs';
import { findingMapper, toFindingAcceptance } from './finding.mappers';
import { Finding, FindingAcceptance, Severity } from './finding.types';

@Resolver(() => Finding)
export class FindingsResolver {
  @Authorized()
  @Query(() => [Finding], { description: 'Computed now; by service key, then most severe first. Accepted findings stay listed, marked accepted.' })
  async findings(
    @Ctx() ctx: AppContext,
    @Arg('serviceKey', () => String, { nullable: true }) serviceKey: string | null,
    @Arg('minSeverity', () => Severity, { nullable: true }) minSeverity: Severity | null,
    @Arg('accepted', () => Boolean, { nullable: true, description: 'true: only accepted ones; false: only open ones' }) accepted: boolean | null,
  ): Promise<Finding[]> {
    let scope: string[] | 'all' = 'all';
    if (serviceKey != null) {
      const service = await ctx.app.services.byKey(serviceKey);
      if (!service) throw notFound('Service', serviceKey);
      scope = [service.id];
    }
    const byService = await ctx.app.findings.forServices(scope);
    return [...byService.values()]
      .flat()
      .filter((f) => (!minSeverity || severityAtLeast(f.severity, minSeverity)) && (accepted == null || (f.acceptance !== null) === accepted))
      .map(findingMapper());
  }

  @Authorized('PRIVACY_OFFICER')
  @Mutation(() => FindingAcceptance, { description: 'Accepts the current findings of one rule and category of a service until expiresAt (audited).' })
  async acceptFinding(@Ctx() ctx: AppContext, @Arg('input') input: AcceptFindingInput): Promise<FindingAcceptance> {
    const row = await ctx.app.findingAcceptances.accept(viewerOf(ctx), input);
    ctx.loaders.findingsByServiceId.clear(row.serviceId);
    return toFindingAcceptance(row);
  }

  @FieldResolver(() => Service)
  service(@Root() finding: Finding): Service {
    return finding.serviceObject;
  }
}
