import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { mayChangeService } from '@canopy/domain';
import { Team } from '../identity';
import type { ServicesContext } from './services.context';
import { Service } from './service.types';

/** What the viewer may do to services, by the domain's rule, so the console offers only what the API accepts. */
@Resolver(() => Service)
export class ServiceViewerResolver {
  @FieldResolver(() => Boolean, {
    description:
      "The viewer may change the service's details, inventory and security measures, propose its sharing and create its service policy: privacy officers and the owning team's engineers.",
  })
  viewerCanEdit(@Root() service: Service, @Ctx() ctx: ServicesContext): boolean {
    return Boolean(ctx.viewer) && mayChangeService(ctx.viewer!, { teamId: service.teamId });
  }
}

@Resolver(() => Team)
export class TeamViewerResolver {
  @FieldResolver(() => Boolean, { description: "The viewer may register services for this team: privacy officers and the team's engineers." })
  viewerCanRegisterServices(@Root() team: Team, @Ctx() ctx: ServicesContext): boolean {
    return Boolean(ctx.viewer) && mayChangeService(ctx.viewer!, { teamId: team.id });
  }
}
