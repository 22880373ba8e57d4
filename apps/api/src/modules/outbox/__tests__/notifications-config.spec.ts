import { loadConfig } from '../../../config';
import { messageIdHeader } from '../mail.sender';

describe('notification settings', () => {
  it('should run the dispatcher, keep e-mail unsent and refuse private webhook addresses by default', () => {
    expect(loadConfig({ PORT: '4100' }).notifications).toEqual({
      dispatcher: true,
      smtpUrl: null,
      mailFrom: 'Canopy <canopy@localhost>',
      publicUrl: 'http://localhost:4100',
      // The embedded SQLite default outside production is demo mode: public notices on.
      publicNotices: true,
      webhookAllowPrivate: false,
      secretsKey: null,
      deliveryTimeoutMs: 10_000,
      outbox: { pollMs: 1000, leaseMs: 60_000, batchSize: 20, retry: { baseMs: 5000, maxMs: 3_600_000, maxAttempts: 10 } },
    });
  });

  it('should serve public notices in demo mode or when asked, not otherwise', () => {
    const mysql = { DATABASE_URL: 'mysql://canopy@db.example.com/canopy' };
    expect(loadConfig(mysql).notifications.publicNotices).toBe(false);
    expect(loadConfig({ ...mysql, CANOPY_DEMO: 'true' }).notifications.publicNotices).toBe(true);
    expect(loadConfig({ ...mysql, CANOPY_PUBLIC_NOTICES: 'true' }).notifications.publicNotices).toBe(true);
  });

  it('should read every variable', () => {
    const key = Buffer.alloc(32, 7);
    const n = loadConfig({
      CANOPY_DISPATCHER: 'false',
      CANOPY_SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      CANOPY_MAIL_FROM: 'Privacy Office <privacy@example.com>',
      CANOPY_PUBLIC_URL: 'https://canopy.example.com/',
      CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true',
      CANOPY_PUBLIC_NOTICES: 'false',
      CANOPY_SECRETS_KEY: key.toString('base64'),
      CANOPY_DELIVERY_TIMEOUT_MS: '2000',
      CANOPY_OUTBOX_POLL_MS: '250',
      CANOPY_OUTBOX_LEASE_MS: '4000',
      CANOPY_OUTBOX_BATCH_SIZE: '5',
      CANOPY_OUTBOX_MAX_ATTEMPTS: '3',
      CANOPY_OUTBOX_RETRY_BASE_MS: '100',
      CANOPY_OUTBOX_RETRY_MAX_MS: '1000',
    }).notifications;
    expect(n).toEqual({
      dispatcher: false,
      smtpUrl: 'smtps://mailer:pw@smtp.example.com:465',
      mailFrom: 'Privacy Office <privacy@example.com>',
      publicUrl: 'https://canopy.example.com',
      publicNotices: false,
      webhookAllowPrivate: true,
      secretsKey: key,
      deliveryTimeoutMs: 2000,
      outbox: { pollMs: 250, leaseMs: 4000, batchSize: 5, retry: { baseMs: 100, maxMs: 1000, maxAttempts: 3 } },
    });
    expect(loadConfig({ CANOPY_SECRETS_KEY: key.toString('hex') }).notifications.secretsKey).toEqual(key);
  });

  it('should name every bad value, and never echo an SMTP password', () => {
    let message = '';
    try {
      loadConfig({
        CANOPY_DISPATCHER: 'maybe',
        CANOPY_SMTP_URL: 'http://mailer:hunter2@smtp.example.com',
        CANOPY_MAIL_FROM: 'nobody',
        CANOPY_PUBLIC_URL: 'ftp://canopy.example.com',
        CANOPY_SECRETS_KEY: 'too-short',
        CANOPY_OUTBOX_POLL_MS: '0',
        CANOPY_OUTBOX_MAX_ATTEMPTS: 'ten',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['CANOPY_DISPATCHER', 'CANOPY_SMTP_URL', 'CANOPY_MAIL_FROM', 'CANOPY_PUBLIC_URL', 'CANOPY_SECRETS_KEY', 'CANOPY_OUTBOX_POLL_MS', 'CANOPY_OUTBOX_MAX_ATTEMPTS']) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).not.toContain('hunter2');
  });

  it('should refuse a lease too short to send and mark within it, and a retry ceiling under its base', () => {
    expect(() => loadConfig({ CANOPY_OUTBOX_LEASE_MS: '15000', CANOPY_DELIVERY_TIMEOUT_MS: '10000' })).toThrow(/CANOPY_OUTBOX_LEASE_MS: must be at least twice/);
    expect(() => loadConfig({ CANOPY_OUTBOX_RETRY_BASE_MS: '5000', CANOPY_OUTBOX_RETRY_MAX_MS: '1000' })).toThrow(/CANOPY_OUTBOX_RETRY_MAX_MS/);
  });
});

describe('messageIdHeader', () => {
  it('should derive the Message-ID from the stable message id and the sender domain', () => {
    expect(messageIdHeader('0b6e-1', 'Privacy Office <privacy@example.com>')).toBe('<0b6e-1@example.com>');
    expect(messageIdHeader('0b6e-1', 'privacy@example.org')).toBe('<0b6e-1@example.org>');
  });
});
