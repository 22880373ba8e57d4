import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../context';
import { viewerOf } from '../../context';
import { toService } from '../services/service.mappers';
import { Service } from '../services/service.types';

@Resolver(() => Service)
export class ServiceSecurityMeasuresResolver {
  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service, {
    description: "Replaces the service's technical and organisational security measures (GDPR Art. 30(1)(g)); the owning team's engineers and officers. Audited; the same list again changes nothing.",
  })
  async setSecurityMeasures(
    @Ctx() ctx: AppContext,
    @Arg('serviceKey') serviceKey: string,
    @Arg('measures', () => [String]) measures: string[],
  ): Promise<Service> {
    const { service } = await ctx.app.securityMeasures.replace(viewerOf(ctx), serviceKey, measures);
    ctx.loaders.securityMeasuresAt.clearAll();
    return toService(service);
  }

  @FieldResolver(() => [String], { description: 'Technical and organisational security measures, current or as of `at`.' })
  async securityMeasures(
    @Root() service: Service,
    @Ctx() ctx: AppContext,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<string[]> {
    return ctx.loaders.securityMeasuresAt.load({ serviceId: service.id, at });
  }
}
