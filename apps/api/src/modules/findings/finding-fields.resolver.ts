import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadOptionalUser, loadUser, User } from '../identity';
import { Service, serviceFieldResolver } from '../services';
import type { FindingsContext } from './findings.context';
import { findingMapper } from './finding.mappers';
import { Finding, FindingAcceptance } from './finding.types';

@Resolver(() => Finding)
export class FindingAcceptedByResolver {
  @FieldResolver(() => User, { nullable: true, description: 'the officer who accepted it, while the acceptance runs' })
  async acceptedBy(@Root() finding: Finding, @Ctx() ctx: FindingsContext): Promise<User | null> {
    return loadOptionalUser(ctx.loaders, finding.acceptedById);
  }
}

@Resolver(() => FindingAcceptance)
export class FindingAcceptanceResolver {

  @FieldResolver(() => User)
  async acceptedBy(@Root() acceptance: FindingAcceptance, @Ctx() ctx: FindingsContext): Promise<User> {
    return loadUser(ctx.loaders, acceptance.acceptedById);
  }

  @FieldResolver(() => [Finding], { description: 'the findings it covers now' })
  async findings(@Root() acceptance: FindingAcceptance, @Ctx() ctx: FindingsContext): Promise<Finding[]> {
    const all = await ctx.loaders.findingsByServiceId.load(acceptance.serviceId);
    return all.filter((f) => f.rule === acceptance.rule && (f.dataCategory ?? null) === acceptance.dataCategory).map(findingMapper());
  }
}

@Resolver(() => Service)
export class ServiceFindingsResolver {
  @FieldResolver(() => [Finding], { description: 'Computed now, most severe first; accepted ones marked accepted.' })
  async findings(@Root() service: Service, @Ctx() ctx: FindingsContext): Promise<Finding[]> {
    return (await ctx.loaders.findingsByServiceId.load(service.id)).map(findingMapper());
  }
}

export const FindingAcceptanceServiceResolver = serviceFieldResolver(FindingAcceptance);
