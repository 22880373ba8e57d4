import type { AddressObject } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  messageId: string;
  /** RCPT TO of the SMTP envelope. */
  envelopeTo: string[];
  to: string[];
  from: string;
  subject: string;
  text: string;
  headers: Map<string, unknown>;
  at: number;
}

/**
 * A real SMTP server (the smtp-server package) on loopback for tests: it
 * parses what it receives, can be stopped and started again on the same
 * port (an outage), and can hold its answer to DATA (a sender killed before
 * it hears the 250).
 */
export class MailCatcher {
  readonly received: CaughtMail[] = [];
  /** Answer DATA only when released. */
  holding = false;
  /** How long the server takes to answer DATA. */
  delayMs = 0;
  /** Recipients refused for good (550 to RCPT TO), lower-case. */
  readonly refused = new Set<string>();
  private held: (() => void)[] = [];
  private server: SMTPServer | null = null;
  private listeners = new Set<() => void>();

  private constructor(public port: number) {}

  static async start(port = 0): Promise<MailCatcher> {
    const catcher = new MailCatcher(port);
    await catcher.up();
    return catcher;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Distinct Message-IDs with how often each arrived. */
  countsByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
    return counts;
  }

  async up(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address.toLowerCase())) return callback();
        callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const addresses = (value: AddressObject | AddressObject[] | undefined) =>
              (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
            this.received.push({
              messageId: mail.messageId ?? '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              to: addresses(mail.to),
              from: mail.from?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              headers: mail.headers,
              at: Date.now(),
            });
            for (const listener of this.listeners) listener();
            if (this.holding) this.held.push(() => callback());
            else if (this.delayMs) setTimeout(() => callback(), this.delayMs);
            else callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening: senders get "connection refused" until up() again. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }

  /** Resolves once `predicate` holds of what was received. */
  waitFor(predicate: (received: CaughtMail[]) => boolean, timeoutMs = 15_000): Promise<void> {
    return waitUntil(() => predicate(this.received), this.listeners, timeoutMs, () => `mail: ${this.received.length} received`);
  }

  async close(): Promise<void> {
    this.release();
    await this.down();
  }
}

/** Resolves when `done()` holds, checked on each event and every 50 ms; rejects after timeoutMs. */
export function waitUntil(done: () => boolean, listeners: Set<() => void>, timeoutMs: number, describe: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      cleanup();
      resolve();
    };
    const timer = setInterval(check, 50);
    const deadline = setTimeout(() => {
      cleanup();
      reject(new Error(`not within ${timeoutMs} ms (${describe()})`));
    }, timeoutMs);
    const cleanup = () => {
      clearInterval(timer);
      clearTimeout(deadline);
      listeners.delete(check);
    };
    listeners.add(check);
    check();
  });
}
