import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { viewerOf } from '../../auth/request-context';
import { Team, toTeam } from '../identity';
import type { ServicesContext } from './services.context';
import { RegisterServiceInput, ServiceFilter, UpdateServiceInput } from './service.inputs';
import { toService } from './service.mappers';
import { Service, ServiceConnection } from './service.types';

@Resolver(() => Service)
export class ServiceResolver {
  @Authorized()
  @Query(() => Service, { nullable: true })
  async service(@Ctx() ctx: ServicesContext, @Arg('key') key: string): Promise<Service | null> {
    const row = await ctx.loaders.serviceByKey.load(key);
    return row ? toService(row) : null;
  }

  @Authorized()
  @Query(() => ServiceConnection, { description: 'Ordered by key; first is at most 200.' })
  async services(
    @Ctx() ctx: ServicesContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter: ServiceFilter | null,
  ): Promise<ServiceConnection> {
    const page = await ctx.app.services.list(first, after, filter, ctx.loaders.now);
    // The page's statement read the teams too: the `team` field finds them in its loader.
    for (const { node } of page.edges) if (node.team) ctx.loaders.teamById.prime(node.team.id, node.team);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toService(e.node) })) };
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service)
  async registerService(@Ctx() ctx: ServicesContext, @Arg('input') input: RegisterServiceInput): Promise<Service> {
    return toService(await ctx.app.services.register(viewerOf(ctx), input));
  }

  @Authorized('ENGINEER', 'PRIVACY_OFFICER')
  @Mutation(() => Service)
  async updateService(@Ctx() ctx: ServicesContext, @Arg('input') input: UpdateServiceInput): Promise<Service> {
    return toService(await ctx.app.services.update(viewerOf(ctx), input));
  }

  @FieldResolver(() => Team)
  async team(@Root() service: Service, @Ctx() ctx: ServicesContext): Promise<Team> {
    const team = await ctx.loaders.teamById.load(service.teamId);
    if (!team) throw new Error(`service ${service.key} has no team ${service.teamId}`);
    return toTeam(team);
  }
}

@Resolver(() => Team)
export class TeamServicesResolver {
  @FieldResolver(() => [Service])
  async services(@Root() team: Team, @Ctx() ctx: ServicesContext): Promise<Service[]> {
    return (await ctx.loaders.servicesByTeamId.load(team.id)).map(toService);
  }
}
