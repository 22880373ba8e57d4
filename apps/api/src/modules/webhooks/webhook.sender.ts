import { Agent, fetch } from 'undici';
import { OutboxMessageEntity, WebhookEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { DeliveryError, Sender } from '../outbox';
import { openSecret } from './secret-box';
import { checkWebhookUrl, guardedLookup, RefusedAddress } from './webhook-address';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

export interface WebhookSenderSettings {
  allowPrivate: boolean;
  secretsKey: Buffer | null;
  timeoutMs: number;
  now?: () => Date;
}

/** How much of a receiver's error answer the delivery log keeps. */
const ERROR_EXCERPT = 200;

/**
 * Webhook deliveries (DESIGN.md section 8): a JSON POST of the stored body,
 * signed at send time, through undici with a connector whose DNS lookup the
 * SSRF guard checks. 2xx is delivered; anything else is retried like mail.
 * Redirects are not followed (they could lead anywhere).
 */
export class WebhookSender implements Sender {
  private readonly agent: Agent;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    private readonly settings: WebhookSenderSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
    this.agent = new Agent({
      connect: { lookup: guardedLookup({ allowPrivate: settings.allowPrivate }), timeout: settings.timeoutMs },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
    });
  }

  async send(message: OutboxMessageEntity): Promise<void> {
    const webhook = message.webhookId ? await this.db.manager.findOneBy(WebhookEntity, { id: message.webhookId }) : null;
    if (!webhook || webhook.deletedAt) throw new DeliveryError('the webhook was deleted', true);
    if (!webhook.active) throw new DeliveryError('the webhook is inactive', true);
    let secret: string;
    try {
      secret = openSecret(webhook.secretSealed, this.settings.secretsKey);
    } catch (error) {
      throw new DeliveryError((error as Error).message);
    }
    const url = await this.checked(message.recipient);
    const response = await this.post(url, message, secret);
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return;
    }
    const excerpt = (await readExcerpt(response)).replace(/\s+/g, ' ').trim();
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    throw new DeliveryError(`HTTP ${response.status}${redirect}${excerpt ? `: ${excerpt}` : ''}`);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async checked(raw: string): Promise<URL> {
    try {
      return await checkWebhookUrl(raw, { allowPrivate: this.settings.allowPrivate });
    } catch (error) {
      if (error instanceof RefusedAddress) throw new DeliveryError(`refused: the URL ${error.message}`, error.permanent);
      throw error;
    }
  }

  private async post(url: URL, message: OutboxMessageEntity, secret: string) {
    try {
      return await fetch(url, {
        method: 'POST',
        body: message.payload,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Canopy-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(secret, message.payload, this.now()),
          'canopy-event': message.eventType ?? '',
          'canopy-delivery': message.id,
        },
        dispatcher: this.agent,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: unknown }).cause;
      if (cause instanceof RefusedAddress) throw new DeliveryError(`refused: the URL ${cause.message}`, cause.permanent);
      const detail = cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? cause.name}: ${cause.message}` : (error as Error).message;
      throw new DeliveryError(`no answer: ${detail}`);
    }
  }
}

async function readExcerpt(response: { body: ReadableStream<Uint8Array> | null }): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_EXCERPT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // the receiver hung up: what was read is enough
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, ERROR_EXCERPT);
}
