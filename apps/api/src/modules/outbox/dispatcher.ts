import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { attemptsExhausted, retryDelayMs, RetrySchedule } from '@canopy/domain';
import type { OutboxKind, OutboxMessageEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { claimDue, Outcome, recordOutcomes } from './outbox-claims';
import { DeliveryError, Sender } from './sender';

export interface DispatcherSettings {
  pollMs: number;
  leaseMs: number;
  batchSize: number;
  retry: RetrySchedule;
  /** Injectable for tests: the clock and the jitter. */
  now?: () => Date;
  random?: () => number;
  owner?: string;
}

/** What a dispatcher did since it started. */
export interface DispatcherCounts {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends what the outbox holds (DESIGN.md section 8): claim a batch with a
 * committed lease, send it, record each outcome; again at once while batches
 * come back full, else after pollMs or as soon as this process commits a
 * message (nudge). Any number of dispatchers may run against one database.
 * stop() stops claiming and waits for the batch in flight.
 */
export class Dispatcher {
  readonly owner: string;
  readonly counts: DispatcherCounts = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  private readonly now: () => Date;
  private readonly random: () => number;
  private running = false;
  private loop: Promise<void> | null = null;
  private nudged = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly senders: Partial<Record<OutboxKind, Sender>>,
    private readonly settings: DispatcherSettings,
    private readonly log: Logger,
  ) {
    this.now = settings.now ?? (() => new Date());
    this.random = settings.random ?? Math.random;
    this.owner = settings.owner ?? `${hostname().slice(0, 60)}/${process.pid}/${randomUUID().slice(0, 8)}`;
  }

  /** The kinds this process can send: without SMTP, e-mails stay PENDING for a process that can. */
  get kinds(): OutboxKind[] {
    return (Object.keys(this.senders) as OutboxKind[]).filter((kind) => this.senders[kind]);
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** A transaction that enqueued has committed: look now rather than at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** One round: claim a batch, send it, record the outcomes. Returns how many messages it handled. */
  async runOnce(): Promise<number> {
    this.nudged = false;
    const claimed = await claimDue(this.db, {
      owner: this.owner,
      kinds: this.kinds,
      now: this.now(),
      leaseMs: this.settings.leaseMs,
      limit: this.settings.batchSize,
    });
    if (!claimed.length) return 0;
    this.counts.claimed += claimed.length;
    const outcomes = await Promise.all(claimed.map((message) => this.deliver(message)));
    await recordOutcomes(this.db, this.owner, outcomes, this.now());
    for (const outcome of outcomes) {
      if (outcome.sent) this.counts.sent++;
      else if (outcome.final) this.counts.failed++;
      else this.counts.retried++;
    }
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (error) {
        // The database is down or a claim lost a certification race: the messages wait for the next round.
        this.log.warn({ err: error }, 'outbox dispatch round failed; retrying at the next poll');
      }
      if (!this.running) break;
      if (handled >= this.settings.batchSize || this.nudged) continue;
      await this.sleep(this.settings.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async deliver(message: OutboxMessageEntity): Promise<Outcome> {
    const { retry } = this.settings;
    if (message.attempts > retry.maxAttempts) {
      // The last attempt was claimed by a dispatcher that stopped before recording how it went.
      return { id: message.id, sent: false, final: true, retryAt: null, error: `no attempt left: attempt ${retry.maxAttempts}'s dispatcher stopped before recording its outcome` };
    }
    try {
      const sender = this.senders[message.kind];
      if (!sender) throw new DeliveryError(`no sender for ${message.kind} in this process`);
      await sender.send(message);
      this.log.info({ outboxId: message.id, messageId: message.messageId, kind: message.kind, attempts: message.attempts }, 'outbound message sent');
      return { id: message.id, sent: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const final = (error instanceof DeliveryError && error.permanent) || attemptsExhausted(message.attempts, retry);
      const retryAt = final ? null : new Date(this.now().getTime() + retryDelayMs(message.attempts, retry, this.random()));
      this.log.warn({ outboxId: message.id, kind: message.kind, attempts: message.attempts, final, retryAt, reason }, final ? 'outbound message FAILED' : 'outbound message not sent; will retry');
      return { id: message.id, sent: false, final, retryAt, error: reason };
    }
  }
}
