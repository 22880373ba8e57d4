import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import { Service, toService } from '../services';
import type { SecurityMeasuresContext } from './security-measures.context';

@Resolver(() => Service)
export class ServiceSecurityMeasuresResolver {
  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service, {
    description: "Replaces the service's technical and organisational security measures (GDPR Art. 30(1)(g)); the owning team's engineers and officers. Audited; the same list again changes nothing.",
  })
  async setSecurityMeasures(
    @Ctx() ctx: SecurityMeasuresContext,
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
    @Ctx() ctx: SecurityMeasuresContext,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<string[]> {
    return ctx.loaders.securityMeasuresAt.load({ serviceId: service.id, at });
  }
}
