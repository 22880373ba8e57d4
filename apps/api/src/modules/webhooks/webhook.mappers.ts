import type { OutboxMessageEntity, WebhookEntity } from '@canopy/persistence';
import { DeliveryStatusEnum } from '../outbox';
import { Webhook, WebhookDelivery } from './webhook.types';

export const toWebhook = (row: WebhookEntity): Webhook =>
  Object.assign(new Webhook(), { id: row.id, url: row.url, events: row.events, active: row.active, createdAt: row.createdAt });

export const toWebhookDelivery = (row: OutboxMessageEntity): WebhookDelivery =>
  Object.assign(new WebhookDelivery(), {
    id: row.id,
    event: row.eventType ?? '',
    status: row.status as DeliveryStatusEnum,
    attempts: row.attempts,
    lastError: row.lastError,
    deliveredAt: row.sentAt,
  });
