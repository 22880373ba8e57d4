import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AuditEvent } from '../audit';
import type { IdentityContext } from './identity.context';
import { loadOptionalUser } from './identity.loaders';
import { User } from './identity.types';

/** Who made an audited change: identity owns users, so it adds the `actor` field to the audit feature's AuditEvent. */
@Resolver(() => AuditEvent)
export class AuditActorResolver {
  @FieldResolver(() => User, { nullable: true })
  async actor(@Root() event: AuditEvent, @Ctx() ctx: IdentityContext): Promise<User | null> {
    return loadOptionalUser(ctx.loaders, event.actorId);
  }
}
