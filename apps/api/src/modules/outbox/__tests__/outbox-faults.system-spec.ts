import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, TestDatabase, testDialects } from '@canopy/persistence';
import { ApiChild, WORKSPACE } from '../../../hardening/__tests__/system/api-child';
import { MailCatcher } from '../../../testing/mail-catcher';
import { WebhookReceiver } from '../../../testing/webhook-receiver';
import type { OutboundMessage } from '../outbox.message';
import { DispatchChild, OutboxProbe } from './outbox-processes';

const MAIL_FROM = 'Canopy <notices@canopy.test>';

function record(name: string, figures: Record<string, unknown>): void {
  mkdirSync(path.join(WORKSPACE, 'tmp', 'reliability'), { recursive: true });
  writeFileSync(path.join(WORKSPACE, 'tmp', 'reliability', `${name}.json`), JSON.stringify(figures, null, 2));
  console.log(`${name}: ${JSON.stringify(figures)}`);
}

async function createWebhook(api: ApiChild, hooks: WebhookReceiver, hookPath: string, events: string[]): Promise<void> {
  const created = await api.ok('mutation($u: String!, $e: [String!]!) { createWebhook(url: $u, events: $e) { secret } }', { u: hooks.url(hookPath), e: events });
  hooks.trust(hookPath, created.createWebhook.secret);
}

const notice = (i: number, to: string): OutboundMessage => ({ kind: 'EMAIL', to: [to], subject: `Notice ${i}`, text: `notice text ${i}`, event: 'notice.issued' });
const conflict = (i: number): OutboundMessage => ({ kind: 'EVENT', event: 'conflict.opened', data: { conflictId: `c-${i}` } });

/**
 * DESIGN.md section 8 with real processes: the built API (and `main.js
 * dispatch`) as children, a real SMTP server and a signature-checking
 * webhook receiver in the test.
 */
describe.each(testDialects())('outbox delivery across processes on %s', (dialect) => {
  let database: TestDatabase;
  let probe: OutboxProbe;
  let mail: MailCatcher;
  let hooks: WebhookReceiver;
  const children: { stop(): Promise<unknown> }[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    mail = await MailCatcher.start();
    hooks = await WebhookReceiver.start();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) await child.stop();
    await probe?.close();
    await mail.close();
    await hooks.close();
    await database.drop();
  });

  it('should send again, after the lease, what an API killed between claiming and marking had sent', async () => {
    const env = {
      CANOPY_SMTP_URL: mail.url,
      CANOPY_MAIL_FROM: MAIL_FROM,
      CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true',
      CANOPY_OUTBOX_POLL_MS: '100',
      CANOPY_OUTBOX_LEASE_MS: '3000',
      CANOPY_DELIVERY_TIMEOUT_MS: '1500',
    };
    let api = await ApiChild.start(database.url, env);
    children.push(api);
    await createWebhook(api, hooks, '/conflicts', ['conflict.opened']);
    probe = await OutboxProbe.open(database.url);

    // Both receivers take the message and hold their answer: the API has sent and not yet marked.
    mail.holding = true;
    hooks.answer = () => 'hold';
    const written = await probe.enqueue([[0, 1, 2, 3, 4].flatMap((i) => [notice(i, `dpo${i}@example.com`), conflict(i)])]);
    await mail.waitFor((m) => m.length === 5);
    await hooks.waitFor((h) => h.requests.filter((r) => r.answered === 'held').length === 5);
    const claimed = await probe.rows();
    expect(claimed.map((r) => [r.status, r.attempts, r.leaseExpiresAt !== null])).toEqual(written.map(() => ['PENDING', 1, true]));
    const firstOwner = claimed[0].leaseOwner;
    expect(new Set(claimed.map((r) => r.leaseOwner))).toEqual(new Set([firstOwner]));

    api.kill('SIGKILL');
    expect((await api.exit).signal).toBe('SIGKILL');
    const killedAt = Date.now();
    // The held answers stay unsent: the process that waited for them is gone.
    mail.holding = false;
    hooks.answer = () => 200;

    api = await ApiChild.start(database.url, env);
    children.push(api);
    const sent = await probe.until('all SENT after the restart', (rows) => rows.every((r) => r.status === 'SENT'));
    const resentAfterMs = Math.min(...mail.received.slice(5).map((m) => m.at), ...hooks.requests.slice(5).map((r) => r.at)) - killedAt;

    expect(sent.map((r) => r.attempts)).toEqual(written.map(() => 2));
    expect(sent.every((r) => r.leaseOwner !== firstOwner)).toBe(true);
    const mailCounts = mail.countsByMessageId();
    for (const row of written.filter((r) => r.kind === 'EMAIL')) expect(mailCounts.get(`<${row.messageId}@canopy.test>`)).toBe(2);
    for (const row of written.filter((r) => r.kind === 'WEBHOOK')) {
      expect(hooks.attemptsOf(row.messageId, '/conflicts')).toBe(2);
      expect(hooks.accepted.get(`/conflicts ${row.messageId}`)).toBe(1);
    }
    expect(hooks.requests.every((r) => r.verified)).toBe(true);
    expect(hooks.duplicates).toBe(0);
    record(`outbox-crash-${dialect}`, {
      database: dialect,
      messages: written.length,
      claimedAndSentBeforeKill: 10,
      resentAfterRestart: 10,
      resentAfterMs,
      leaseMs: 3000,
      sentRecorded: sent.length,
      lost: written.length - sent.filter((r) => r.status === 'SENT').length,
    });
  });

  it('should send each message once with two dispatcher processes at once, within 5 s of commit', async () => {
    const api = await ApiChild.start(database.url, { CANOPY_DISPATCHER: 'false', CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true' });
    children.push(api);
    await createWebhook(api, hooks, '/a', ['conflict.opened']);
    await createWebhook(api, hooks, '/b', ['conflict.opened', 'notice.issued']);
    // Default poll (1 s): no commit in these processes nudges them. Small batches and slow receivers make them share the work.
    const env = { CANOPY_SMTP_URL: mail.url, CANOPY_MAIL_FROM: MAIL_FROM, CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true', CANOPY_OUTBOX_BATCH_SIZE: '5' };
    const one = await DispatchChild.start(database.url, env);
    children.push(one);
    const two = await DispatchChild.start(database.url, env);
    children.push(two);
    hooks.delayMs = 20;
    mail.delayMs = 20;
    probe = await OutboxProbe.open(database.url);

    const started = Date.now();
    const transactions = Array.from({ length: 12 }, (_, t) => Array.from({ length: 5 }, (_, i) => [notice(t * 5 + i, `officer${t * 5 + i}@example.com`), conflict(t * 5 + i)]).flat());
    const written = await probe.enqueue(transactions);
    expect(written).toHaveLength(60 + 120);
    const firstCommitted = started;
    const sent = await probe.until('all SENT', (rows) => rows.length === written.length && rows.every((r) => r.status === 'SENT'), 120_000);

    const firstDelivery = Math.min(...mail.received.map((m) => m.at), ...hooks.requests.map((r) => r.at));
    expect(firstDelivery - firstCommitted).toBeLessThan(5000);
    const mailCounts = mail.countsByMessageId();
    expect([...mailCounts.values()].every((n) => n === 1)).toBe(true);
    expect(mailCounts.size).toBe(60);
    const webhookRequests = new Map<string, number>();
    for (const r of hooks.requests) webhookRequests.set(`${r.path} ${r.id}`, (webhookRequests.get(`${r.path} ${r.id}`) ?? 0) + 1);
    expect(webhookRequests.size).toBe(120);
    expect([...webhookRequests.values()].every((n) => n === 1)).toBe(true);
    expect(hooks.duplicates).toBe(0);
    const byOwner = { [one.owner]: 0, [two.owner]: 0 };
    for (const row of sent) byOwner[row.leaseOwner!] += 1;
    expect(Object.keys(byOwner)).toHaveLength(2);
    expect(byOwner[one.owner] + byOwner[two.owner]).toBe(180);
    expect(byOwner[one.owner]).toBeGreaterThan(0);
    expect(byOwner[two.owner]).toBeGreaterThan(0);
    expect(sent.every((r) => r.attempts === 1)).toBe(true);

    expect(await one.stop()).toEqual({ code: 0, signal: null });
    expect(await two.stop()).toEqual({ code: 0, signal: null });
    record(`outbox-two-dispatchers-${dialect}`, {
      database: dialect,
      messages: written.length,
      sentByFirst: byOwner[one.owner],
      sentBySecond: byOwner[two.owner],
      sentTwice: [...mailCounts.values(), ...webhookRequests.values()].filter((n) => n > 1).length,
      firstDeliveryAfterCommitMs: firstDelivery - firstCommitted,
      allSentAfterMs: Date.now() - started,
      lost: written.length - sent.length,
    });
  });

  it('should finish the send in flight, mark it, and claim nothing more on SIGTERM', async () => {
    const dispatcher = await DispatchChild.start(database.url, { CANOPY_SMTP_URL: mail.url, CANOPY_MAIL_FROM: MAIL_FROM, CANOPY_OUTBOX_POLL_MS: '100' });
    children.push(dispatcher);
    probe = await OutboxProbe.open(database.url);
    mail.delayMs = 1500;
    const [inFlight] = await probe.enqueue([[notice(1, 'dpo@example.com')]]);
    await mail.waitFor((m) => m.length === 1);
    const exiting = dispatcher.stop();
    const [later] = await probe.enqueue([[notice(2, 'dpo@example.com')]]);
    expect(await exiting).toEqual({ code: 0, signal: null });
    const rows = await probe.rows();
    expect(rows.find((r) => r.id === inFlight.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(rows.find((r) => r.id === later.id)).toMatchObject({ status: 'PENDING', attempts: 0, leaseOwner: null });
    expect(mail.received).toHaveLength(1);
  });
});
