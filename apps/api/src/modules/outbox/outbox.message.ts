import type { NotificationEvent } from '@canopy/domain';

/** What caused a message: a NOTICE_UNDELIVERED finding points at it (e.g. { type: 'notice', id }). */
export interface MessageCause {
  type: string;
  id: string;
}

interface MessageLinks {
  /** The service the message is about, where there is one. */
  serviceId?: string | null;
  cause?: MessageCause | null;
}

/** An e-mail: one outbox row, and so one delivery status, per recipient. */
export interface EmailMessage extends MessageLinks {
  kind: 'EMAIL';
  to: readonly string[];
  subject: string;
  /** Plain text; links built with Outbox.link(). */
  text: string;
  event?: NotificationEvent | null;
}

/** A notification event: one delivery per active webhook subscribed to it, all with the same event id. */
export interface EventMessage extends MessageLinks {
  kind: 'EVENT';
  event: NotificationEvent;
  /** JSON-serialisable; becomes the `data` of the delivery body. */
  data: unknown;
  occurredAt?: Date;
}

export type OutboundMessage = EmailMessage | EventMessage;

/** The stored payload of an EMAIL row. */
export interface EmailPayload {
  subject: string;
  text: string;
}

/** The body of a webhook delivery, exactly as DESIGN.md section 8 names it. */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  data: unknown;
}
