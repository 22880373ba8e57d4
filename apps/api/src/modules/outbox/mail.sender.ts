import nodemailer, { Transporter } from 'nodemailer';
import type { OutboxMessageEntity } from '@canopy/persistence';
import type { EmailPayload } from './outbox.message';
import { DeliveryError, Sender } from './sender';

export interface MailSettings {
  smtpUrl: string;
  mailFrom: string;
  timeoutMs: number;
}

/**
 * The Message-ID of an outbox e-mail: derived from its stable message id, so
 * a message sent again (after a crash between send and mark) carries the same
 * one and mail systems can tell it is the same message.
 */
export function messageIdHeader(messageId: string, mailFrom: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'canopy.invalid';
  return `<${messageId}@${domain}>`;
}

/** E-mail over SMTP (CANOPY_SMTP_URL) with nodemailer: one SMTP conversation per message. */
export class MailSender implements Sender {
  private readonly transport: Transporter;

  constructor(private readonly settings: MailSettings) {
    this.transport = nodemailer.createTransport({
      url: settings.smtpUrl,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
      dnsTimeout: settings.timeoutMs,
    });
  }

  async send(message: OutboxMessageEntity): Promise<void> {
    const payload = JSON.parse(message.payload) as EmailPayload;
    try {
      await this.transport.sendMail({
        from: this.settings.mailFrom,
        to: message.recipient,
        subject: payload.subject,
        text: payload.text,
        messageId: messageIdHeader(message.messageId, this.settings.mailFrom),
        headers: { 'Auto-Submitted': 'auto-generated', ...(message.eventType ? { 'X-Canopy-Event': message.eventType } : {}) },
      });
    } catch (error) {
      const e = error as Error & { responseCode?: number; command?: string; code?: string };
      // The server refused this recipient for good (5xx to RCPT TO); anything else may pass later.
      const permanent = e.command === 'RCPT TO' && Number(e.responseCode) >= 500;
      throw new DeliveryError(`SMTP: ${e.code ? `${e.code} ` : ''}${e.message}`.slice(0, 1000), permanent);
    }
  }

  close(): void {
    this.transport.close();
  }
}
