import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AuditEventEntity } from '@canopy/persistence';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import { viewerOf } from '../../auth/request-context';
import type { AuditContext } from './audit.context';
import { AuditEvent, AuditEventConnection, AuditEventFilter, AuditVerification } from './audit.types';

const toAuditEvent = (row: AuditEventEntity): AuditEvent =>
  Object.assign(new AuditEvent(), {
    seq: row.seq,
    at: row.at,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    hash: row.hash,
    actorId: row.actorId,
  });

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized()
  @Query(() => AuditEventConnection, {
    description: 'Oldest first, or newest first with newestFirst (the cursor then pages towards older events). Engineers see the events of their own teams\' services.',
  })
  async auditEvents(
    @Ctx() ctx: AuditContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('newestFirst', () => Boolean, { nullable: true, defaultValue: false }) newestFirst: boolean | null,
  ): Promise<AuditEventConnection> {
    const page = await ctx.app.audit.events(viewerOf(ctx), filter, first ?? 100, after, newestFirst ?? false);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toAuditEvent(e.node) })) };
  }

  @Authorized(...READERS_OF_AUDIT)
  @Query(() => AuditVerification)
  async verifyAuditLog(@Ctx() ctx: AuditContext): Promise<AuditVerification> {
    return ctx.app.audit.verify();
  }
}
