import type { Logger } from 'pino';
import type { Database } from './common/database';
import type { NotificationsConfig } from './config';
import { WebhookSender } from './modules/webhooks';
import { Dispatcher, DispatcherSettings, MailSender } from './modules/outbox';

export interface Delivery {
  dispatcher: Dispatcher;
  /** Stops claiming, waits for the batch in flight, closes the SMTP and HTTP clients. */
  stop(): Promise<void>;
}

/**
 * The dispatcher of one process with its senders: webhooks always, e-mail
 * when CANOPY_SMTP_URL is set (otherwise e-mails stay PENDING, listed for
 * admins, until a process with SMTP sends them). Not started.
 */
export function createDelivery(db: Database, config: NotificationsConfig, log: Logger, overrides: Partial<DispatcherSettings> = {}): Delivery {
  const webhooks = new WebhookSender(db, { allowPrivate: config.webhookAllowPrivate, secretsKey: config.secretsKey, timeoutMs: config.deliveryTimeoutMs, now: overrides.now });
  const mail = config.smtpUrl ? new MailSender({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, timeoutMs: config.deliveryTimeoutMs }) : null;
  if (!mail) log.warn('no SMTP server configured (CANOPY_SMTP_URL): e-mails are kept PENDING and listed in outboxMessages, not sent');
  const dispatcher = new Dispatcher(db, { WEBHOOK: webhooks, ...(mail ? { EMAIL: mail } : {}) }, { ...config.outbox, ...overrides }, log);
  return {
    dispatcher,
    stop: async () => {
      await dispatcher.stop();
      mail?.close();
      await webhooks.close();
    },
  };
}
