import type { QueryRunner, TableOptions } from 'typeorm';
import { bool, byteWise, foreignKey, id, index, instant, int, ref, text, varchar } from './table-helpers';
import { TablesMigration } from './tables-migration';

/**
 * Delivery with nothing lost (DESIGN.md section 8): the outbox of outbound
 * messages (e-mails and webhook deliveries), written in the transaction of
 * the change that caused them and claimed by dispatchers with a committed
 * lease; and the webhooks admins register.
 */
export class OutboxWebhooks1764400015000 extends TablesMigration {
  name = 'OutboxWebhooks1764400015000';

  protected tables(q: QueryRunner): TableOptions[] {
    return [
      {
        name: 'webhooks',
        columns: [
          byteWise(q, id()),
          varchar('url', 2048),
          text('events'),
          text('secret_sealed'),
          bool('active'),
          byteWise(q, ref('created_by', true)),
          instant('created_at'),
          instant('deleted_at', true),
        ],
        indices: [index('IDX_webhooks_created_at', ['created_at']), index('IDX_webhooks_created_by', ['created_by'])],
        foreignKeys: [foreignKey('FK_webhooks_created_by', 'created_by', 'users')],
      },
      {
        name: 'outbox_messages',
        columns: [
          byteWise(q, id()),
          byteWise(q, varchar('message_id', 36)),
          varchar('kind', 10),
          varchar('event_type', 60, true),
          varchar('recipient', 2048),
          varchar('subject', 300, true),
          text('payload'),
          byteWise(q, ref('webhook_id', true)),
          byteWise(q, varchar('replay_of', 36, true)),
          varchar('cause_type', 40, true),
          byteWise(q, varchar('cause_id', 36, true)),
          byteWise(q, ref('service_id', true)),
          varchar('status', 10),
          int('attempts'),
          instant('next_attempt_at'),
          varchar('lease_owner', 100, true),
          instant('lease_expires_at', true),
          varchar('last_error', 1000, true),
          instant('created_at'),
          instant('sent_at', true),
        ],
        indices: [
          index('IDX_outbox_due', ['status', 'next_attempt_at']),
          index('IDX_outbox_lease_owner', ['lease_owner']),
          index('IDX_outbox_webhook', ['webhook_id', 'created_at']),
          index('IDX_outbox_message_id', ['message_id']),
          index('IDX_outbox_cause', ['cause_type', 'cause_id']),
          index('IDX_outbox_service', ['service_id']),
        ],
        foreignKeys: [
          foreignKey('FK_outbox_webhook', 'webhook_id', 'webhooks'),
          foreignKey('FK_outbox_service', 'service_id', 'services'),
        ],
      },
    ];
  }
}
