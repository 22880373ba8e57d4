import type { EntityManager } from 'typeorm';
import { normaliseRecipients } from '@canopy/domain';
import { OutboxMessageEntity, WebhookEntity } from '@canopy/persistence';
import { newId } from '../../common/ids';
import type { CommitSignal } from './commit-signal';
import type { EmailMessage, EmailPayload, EventMessage, OutboundMessage, WebhookBody } from './outbox.message';

/** TEXT holds 65,535 bytes on MySQL. */
const MAX_PAYLOAD_BYTES = 60_000;
/** 22 columns a row: well under SQLite's 32,766 bound variables a statement. */
const INSERT_CHUNK = 500;

export interface OutboxSettings {
  /** Base of the links in messages (CANOPY_PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  now?: () => Date;
}

/**
 * The outbox (DESIGN.md section 8): a change writes its outbound messages in
 * its own transaction, so they exist exactly when the change does; a
 * dispatcher sends them after commit. Phase B's mutations call
 * `app.outbox.enqueue(tx, message)` inside their `db.write(tx => ...)`.
 */
export class Outbox {
  private signal: CommitSignal | null = null;
  private readonly now: () => Date;

  constructor(private readonly settings: OutboxSettings) {
    this.now = settings.now ?? (() => new Date());
  }

  /** Lets the dispatcher of this process hear about commits that enqueued (server.ts). */
  useCommitSignal(signal: CommitSignal): void {
    this.signal = signal;
  }

  /**
   * Writes the message's rows in the caller's transaction and returns them:
   * one per e-mail recipient, one per webhook subscribed to the event (none
   * when no webhook is). Throws on a malformed message: callers validate
   * user input first (requireRecipients) and answer BAD_USER_INPUT.
   */
  async enqueue(tx: EntityManager, message: OutboundMessage, at: Date = this.now()): Promise<OutboxMessageEntity[]> {
    const rows = message.kind === 'EMAIL' ? emailRows(message, at) : await eventRows(tx, message, at);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(OutboxMessageEntity, rows.slice(i, i + INSERT_CHUNK));
    if (rows.length) this.signal?.after(tx);
    return rows;
  }

  /**
   * Delivers a webhook event again (replayWebhookDelivery): a new delivery
   * with the same body, so the same event id, to the webhook's URL.
   */
  async replay(tx: EntityManager, original: OutboxMessageEntity, recipient: string, at: Date = this.now()): Promise<OutboxMessageEntity> {
    const row = Object.assign(new OutboxMessageEntity(), { ...original, ...unsent(at), id: newId(), recipient, replayOf: original.id });
    await tx.insert(OutboxMessageEntity, row);
    this.signal?.after(tx);
    return row;
  }

  /** An absolute link into Canopy for a message, e.g. link('/policies/general'). */
  link(path: string): string {
    return `${this.settings.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
  }
}

/** The delivery state of a message written at `at`: due at once, never tried. */
function unsent(at: Date) {
  return {
    status: 'PENDING' as const,
    attempts: 0,
    nextAttemptAt: at,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    createdAt: at,
    sentAt: null,
  };
}

function baseRow(message: OutboundMessage, at: Date) {
  return {
    ...unsent(at),
    eventType: message.event ?? null,
    replayOf: null,
    causeType: message.cause?.type ?? null,
    causeId: message.cause?.id ?? null,
    serviceId: message.serviceId ?? null,
  };
}

function emailRows(message: EmailMessage, at: Date): OutboxMessageEntity[] {
  const { recipients, problems } = normaliseRecipients(message.to, Number.MAX_SAFE_INTEGER);
  if (problems.length) throw new Error(`outbox: ${problems.map((p) => `"${p.value}" ${p.problem}`).join('; ')}`);
  const subject = message.subject.replace(/\s+/g, ' ').trim();
  if (!subject || subject.length > 300) throw new Error('outbox: an e-mail subject has 1 to 300 characters');
  const payload = checkedPayload(JSON.stringify({ subject, text: message.text } satisfies EmailPayload));
  return recipients.map((recipient) => {
    const id = newId();
    return Object.assign(new OutboxMessageEntity(), { ...baseRow(message, at), id, messageId: id, kind: 'EMAIL', recipient, subject, payload, webhookId: null });
  });
}

async function eventRows(tx: EntityManager, message: EventMessage, at: Date): Promise<OutboxMessageEntity[]> {
  const webhooks = await tx
    .createQueryBuilder(WebhookEntity, 'w')
    .where('w.active = :active', { active: true })
    .andWhere('w.deletedAt IS NULL')
    .getMany();
  const subscribed = webhooks.filter((w) => w.events.includes(message.event));
  if (!subscribed.length) return [];
  const eventId = newId();
  const body: WebhookBody = { id: eventId, type: message.event, occurredAt: (message.occurredAt ?? at).toISOString(), data: message.data ?? null };
  const payload = checkedPayload(JSON.stringify(body));
  return subscribed.map((webhook) =>
    Object.assign(new OutboxMessageEntity(), {
      ...baseRow(message, at),
      id: newId(),
      messageId: eventId,
      kind: 'WEBHOOK',
      recipient: webhook.url,
      subject: null,
      payload,
      webhookId: webhook.id,
    }),
  );
}

function checkedPayload(payload: string): string {
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`outbox: a message payload may have at most ${MAX_PAYLOAD_BYTES} bytes`);
  return payload;
}
