/**
 * The outbox feature's face: mutations of other features write their outbound
 * messages with `Outbox.enqueue(tx, message)` inside their own transaction; the
 * wiring root (delivery.ts) builds the dispatcher with its senders.
 */
export { Outbox } from './outbox';
export type { OutboundMessage, EmailMessage, EventMessage, MessageCause } from './outbox.message';
export { OutboxQueries, failedNoticeEmails, type FailedDelivery } from './outbox-queries.app-service';
export { CommitSignal } from './commit-signal';
export { Dispatcher, type DispatcherSettings, type DispatcherCounts } from './dispatcher';
export { MailSender } from './mail.sender';
export { Notifier, type Notification } from './notifier';
export { DeliveryError, type Sender } from './sender';
export { DeliveryState, DeliveryStatusEnum } from './outbox.types';
export type { OutboxContext } from './outbox.context';
