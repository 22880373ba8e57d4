import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { OutboxContext } from './outbox.context';
import { DeliveryStatusEnum, OutboxMessage } from './outbox.types';

@Resolver()
export class OutboxResolver {
  @Authorized('ADMIN')
  @Query(() => [OutboxMessage], {
    description: 'ADMIN. Outbound messages, newest first: e-mails kept while no SMTP server is configured, retries, failures. first <= 200.',
  })
  async outboxMessages(
    @Ctx() ctx: OutboxContext,
    @Arg('status', () => DeliveryStatusEnum, { nullable: true }) status: DeliveryStatusEnum | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
  ): Promise<OutboxMessage[]> {
    const queries = ctx.app.outboxQueries;
    const rows = await queries.list(status, first ?? 50);
    return rows.map((row) =>
      Object.assign(new OutboxMessage(), {
        id: row.id,
        messageId: row.messageId,
        kind: row.kind,
        event: row.eventType,
        recipient: row.recipient,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        waitingReason: queries.waitingReason(row),
        createdAt: row.createdAt,
        nextAttemptAt: row.nextAttemptAt,
        sentAt: row.sentAt,
      }),
    );
  }
}
