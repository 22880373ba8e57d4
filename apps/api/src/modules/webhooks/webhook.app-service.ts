import { parseEventNames, NOTIFICATION_EVENTS } from '@canopy/domain';
import { OutboxMessageEntity, WebhookEntity } from '@canopy/persistence';
import { newSecret } from '../../auth/secrets';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, invalidTransition, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { pageSize } from '../../common/pagination';
import { appendAuditEvent, insertAudited } from '../audit';
import type { Outbox } from '../outbox';
import { sealSecret } from './secret-box';
import { AddressPolicy, checkWebhookUrl, RefusedAddress } from './webhook-address';

export interface WebhookSettings extends AddressPolicy {
  secretsKey: Buffer | null;
}

/** What the audit log keeps of a webhook: its origin, never the whole URL (paths and queries may carry a credential), never the secret. */
const auditView = (row: WebhookEntity) => ({ origin: new URL(row.url).origin, events: row.events, active: row.active });

/** Webhooks (ADMIN): register, list, delete, read the delivery log, replay a delivery. */
export class WebhookService {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly settings: WebhookSettings,
  ) {}

  /** The secret is returned here only: shown once. */
  async create(actor: Viewer, rawUrl: string, rawEvents: readonly string[]): Promise<{ webhook: WebhookEntity; secret: string }> {
    const events = requireEvents(rawEvents);
    const url = await this.requireUrl(rawUrl);
    const secret = newSecret('whsec');
    return this.db.write(async (tx, now) => {
      const webhook = await insertAudited(tx, now, actor, WebhookEntity, {
        id: newId(),
        url: url.href,
        events,
        secretSealed: sealSecret(secret, this.settings.secretsKey),
        active: true,
        createdBy: actor.id,
        createdAt: now,
        deletedAt: null,
      }, (webhook) => ({ action: 'webhook.created', entityType: 'webhook', entityId: webhook.id, after: auditView(webhook) }));
      return { webhook, secret };
    });
  }

  list(): Promise<WebhookEntity[]> {
    return this.db.manager
      .createQueryBuilder(WebhookEntity, 'w')
      .where('w.deletedAt IS NULL')
      .orderBy('w.createdAt', 'DESC')
      .addOrderBy('w.id', 'ASC')
      .getMany();
  }

  /**
   * true when deleted now, false when it already was. Deliveries still
   * pending are not sent: they end FAILED, "the webhook was deleted".
   */
  async delete(actor: Viewer, rawId: string): Promise<boolean> {
    const id = String(rawId).slice(0, 36);
    return this.db.write(async (tx, now) => {
      const webhook = await tx.findOneBy(WebhookEntity, { id });
      if (!webhook) throw notFound('Webhook', id);
      if (webhook.deletedAt) return false;
      await tx.update(WebhookEntity, { id }, { deletedAt: now, active: false });
      const cancelled = await tx
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set({ status: 'FAILED', lastError: 'the webhook was deleted', leaseExpiresAt: null })
        .where('webhook_id = :id AND status = :pending', { id, pending: 'PENDING' })
        .execute();
      await appendAuditEvent(tx, now, actor, {
        action: 'webhook.deleted',
        entityType: 'webhook',
        entityId: id,
        before: auditView(webhook),
        after: { ...auditView(webhook), active: false, deletedAt: now, pendingDeliveriesCancelled: cancelled.affected ?? 0 },
      });
      return true;
    });
  }

  /** The delivery log, newest first. */
  async deliveries(rawWebhookId: string, first: number): Promise<OutboxMessageEntity[]> {
    const limit = pageSize(first);
    const webhook = await this.existing(String(rawWebhookId).slice(0, 36));
    return this.db.manager.find(OutboxMessageEntity, {
      where: { webhookId: webhook.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** Sends a delivery that was SENT or FAILED again: a new delivery with the same event id. */
  async replay(actor: Viewer, rawDeliveryId: string): Promise<OutboxMessageEntity> {
    const deliveryId = String(rawDeliveryId).slice(0, 36);
    return this.db.write(async (tx, now) => {
      const original = await tx.findOneBy(OutboxMessageEntity, { id: deliveryId, kind: 'WEBHOOK' });
      if (!original?.webhookId) throw notFound('Webhook delivery', deliveryId);
      const webhook = await tx.findOneBy(WebhookEntity, { id: original.webhookId });
      if (!webhook || webhook.deletedAt) throw notFound('Webhook', original.webhookId);
      if (original.status === 'PENDING') {
        throw invalidTransition('This delivery is still PENDING: it is being tried again. Replay it once it is SENT or FAILED.');
      }
      const replay = await this.outbox.replay(tx, original, webhook.url, now);
      await appendAuditEvent(tx, now, actor, {
        action: 'webhook.delivery-replayed',
        entityType: 'webhook',
        entityId: webhook.id,
        after: { deliveryId: replay.id, replayOf: original.id, event: original.eventType, eventId: original.messageId },
      });
      return replay;
    });
  }

  private async existing(id: string): Promise<WebhookEntity> {
    const webhook = await this.db.manager.findOneBy(WebhookEntity, { id });
    if (!webhook || webhook.deletedAt) throw notFound('Webhook', id);
    return webhook;
  }

  private async requireUrl(raw: string): Promise<URL> {
    try {
      return await checkWebhookUrl(raw.trim(), this.settings);
    } catch (error) {
      if (error instanceof RefusedAddress) throw badInput(`url "${raw.slice(0, 200)}" is refused: it ${error.message}.`, { argument: 'url' });
      throw error;
    }
  }
}

function requireEvents(values: readonly string[]) {
  const { events, unknown } = parseEventNames(values);
  if (unknown.length) {
    const names = unknown.map((u) => `"${u.slice(0, 60)}"`).join(', ');
    throw badInput(`events: ${names} ${unknown.length === 1 ? 'is not an event' : 'are not events'}; the events are ${NOTIFICATION_EVENTS.join(', ')}.`, { argument: 'events' });
  }
  if (!events.length) throw badInput(`events must name at least one of ${NOTIFICATION_EVENTS.join(', ')}.`, { argument: 'events' });
  return events;
}
