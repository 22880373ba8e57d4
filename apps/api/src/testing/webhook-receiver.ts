import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './mail-catcher';

export interface ReceivedDelivery {
  path: string;
  id: string;
  type: string;
  occurredAt: string;
  data: unknown;
  verified: boolean;
  answered: number | 'held';
  at: number;
}

/** What the receiver answers to one request: a status, or no answer until release(). */
export type Answer = number | 'hold';

/**
 * A webhook receiver as a customer would write one (node:http on loopback):
 * it checks Canopy-Signature with its own HMAC code against the secret of
 * the path, refuses what does not verify, and processes each event id once
 * (deduplication), answering 200 to repeats.
 */
export class WebhookReceiver {
  readonly requests: ReceivedDelivery[] = [];
  /** 2xx answers that reached Canopy, per "<path> <event id>". */
  readonly accepted = new Map<string, number>();
  /** Events processed, per "<path> <event id>": a repeat of a processed id is answered 200 and not processed again. */
  readonly processed = new Set<string>();
  /** Requests for an event already processed: deliveries the sender made twice. */
  duplicates = 0;
  /** Decides the answer to each verified request; default 200. */
  answer: (delivery: ReceivedDelivery, attempt: number) => Answer = () => 200;
  /** How long the receiver takes to answer (a slow receiver keeps sends in flight). */
  delayMs = 0;
  private readonly secrets = new Map<string, string>();
  private readonly held: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly server: http.Server,
    readonly base: string,
  ) {
    server.on('request', (req, res) => this.handle(req, res));
  }

  static async start(): Promise<WebhookReceiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** The secret createWebhook returned for the webhook at this path. */
  trust(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  attemptsOf(id: string, path?: string): number {
    return this.requests.filter((r) => r.id === id && (!path || r.path === path)).length;
  }

  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  waitFor(predicate: (receiver: WebhookReceiver) => boolean, timeoutMs = 15_000): Promise<void> {
    return waitUntil(() => predicate(this), this.listeners, timeoutMs, () => `webhooks: ${this.requests.length} requests, ${this.processed.size} events processed`);
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const verified = verify(String(req.headers['canopy-signature'] ?? ''), raw, this.secrets.get(path));
      let body: { id?: string; type?: string; occurredAt?: string; data?: unknown } = {};
      try {
        body = JSON.parse(raw);
      } catch {
        // unverified anyway
      }
      const delivery: ReceivedDelivery = { path, id: body.id ?? '', type: body.type ?? '', occurredAt: body.occurredAt ?? '', data: body.data, verified, answered: 401, at: Date.now() };
      this.requests.push(delivery);
      const key = `${path} ${delivery.id}`;
      const reply = (status: number) => {
        if (res.destroyed || req.socket.destroyed) return; // the sender is gone: nobody hears this answer
        delivery.answered = status;
        if (status >= 200 && status < 300) {
          this.processed.add(key);
          this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
        }
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `receiver says no (${status})`);
        for (const listener of this.listeners) listener();
      };
      if (!verified) return reply(401);
      if (this.processed.has(key)) {
        this.duplicates++;
        return reply(200); // seen before: deduplicated
      }
      const answer = this.answer(delivery, this.attemptsOf(delivery.id, path));
      if (answer === 'hold') {
        delivery.answered = 'held';
        for (const listener of this.listeners) listener();
        this.held.push(() => reply(200));
      } else if (this.delayMs) setTimeout(() => reply(answer), this.delayMs);
      else reply(answer);
    });
  }
}

/** Canopy-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>, within five minutes. */
function verify(header: string, raw: string, secret: string | undefined): boolean {
  if (!secret) return false;
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
