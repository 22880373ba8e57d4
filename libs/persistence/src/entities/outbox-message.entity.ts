import { Entity, Column, Index } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { ServiceEntity } from './service.entity';
import { WebhookEntity } from './webhook.entity';

export const OUTBOX_KINDS = ['EMAIL', 'WEBHOOK'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One outbound message (DESIGN.md section 8): written in the transaction of
 * the change that caused it, sent after commit by a dispatcher that claims it
 * with a committed lease (lease_owner, lease_expires_at), then marked SENT or,
 * after its last attempt, FAILED.
 */
@Entity('outbox_messages')
@Index('IDX_outbox_due', ['status', 'nextAttemptAt'])
@Index('IDX_outbox_lease_owner', ['leaseOwner'])
@Index('IDX_outbox_webhook', ['webhookId', 'createdAt'])
@Index('IDX_outbox_message_id', ['messageId'])
@Index('IDX_outbox_cause', ['causeType', 'causeId'])
@Index('IDX_outbox_service', ['serviceId'])
export class OutboxMessageEntity {
  /** This delivery. */
  @IdColumn() id: string;
  /**
   * The stable id receivers deduplicate by: the e-mail's Message-ID, the
   * webhook event's `id`. The same on every attempt and on a replay.
   */
  @ByteColumn(36, { name: 'message_id' }) messageId: string;
  @Column('varchar', { length: 10 }) kind: OutboxKind;
  /** The notification event, e.g. notice.issued; null for a message no event caused. */
  @Column('varchar', { length: 60, name: 'event_type', nullable: true }) eventType: string | null;
  /** An e-mail address, or the webhook's URL when the delivery was written. */
  @Column('varchar', { length: 2048 }) recipient: string;
  @Column('varchar', { length: 300, nullable: true }) subject: string | null;
  /** EMAIL: JSON { subject, text }; WEBHOOK: the exact body sent, JSON { id, type, occurredAt, data }. */
  @Column('text') payload: string;
  @RefColumn('webhook_id', { nullable: true }) webhookId: string | null;
  /** The delivery this one replays (replayWebhookDelivery). */
  @ByteColumn(36, { name: 'replay_of', nullable: true }) replayOf: string | null;
  /** What caused the message, e.g. ("notice", id): what a NOTICE_UNDELIVERED finding points at. */
  @Column('varchar', { length: 40, name: 'cause_type', nullable: true }) causeType: string | null;
  @ByteColumn(36, { name: 'cause_id', nullable: true }) causeId: string | null;
  @RefColumn('service_id', { nullable: true }) serviceId: string | null;
  @Column('varchar', { length: 10 }) status: DeliveryStatus;
  /** Claims so far: counted when claimed, so a process that dies mid-send still uses up an attempt. */
  @Column('integer') attempts: number;
  @InstantColumn('next_attempt_at') nextAttemptAt: Date;
  /** The dispatcher that holds (or last held) the message. */
  @Column('varchar', { length: 100, name: 'lease_owner', nullable: true }) leaseOwner: string | null;
  @InstantColumn('lease_expires_at', { nullable: true }) leaseExpiresAt: Date | null;
  @Column('varchar', { length: 1000, name: 'last_error', nullable: true }) lastError: string | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('sent_at', { nullable: true }) sentAt: Date | null;

  @RelationOver(() => WebhookEntity, 'webhook_id', 'FK_outbox_webhook', { nullable: true }) webhook?: WebhookEntity | null;
  @RelationOver(() => ServiceEntity, 'service_id', 'FK_outbox_service', { nullable: true }) service?: ServiceEntity | null;
}
