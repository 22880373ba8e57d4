import { OutboxMessageEntity, testDialects } from '@canopy/persistence';
import { In } from 'typeorm';
import { MailCatcher } from '../../../testing/mail-catcher';
import { startTestServer, TestServer } from '../../../testing/test-server';
import { WebhookReceiver } from '../../../testing/webhook-receiver';
import { MailSender } from '../mail.sender';
import type { OutboundMessage } from '../outbox.message';
import { NO_SMTP } from '../outbox-queries.app-service';

/** Fast timings so retries and leases take milliseconds (production: docs/notifications.md). */
const FAST = {
  CANOPY_MAIL_FROM: 'Canopy Notices <notices@canopy.test>',
  CANOPY_PUBLIC_URL: 'https://canopy.test',
  CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true',
  CANOPY_OUTBOX_POLL_MS: '50',
  CANOPY_OUTBOX_LEASE_MS: '2000',
  CANOPY_DELIVERY_TIMEOUT_MS: '1000',
  CANOPY_OUTBOX_RETRY_BASE_MS: '100',
  CANOPY_OUTBOX_RETRY_MAX_MS: '1000',
  CANOPY_OUTBOX_MAX_ATTEMPTS: '10',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function enqueue(t: TestServer, message: OutboundMessage): Promise<OutboxMessageEntity[]> {
  return t.server.db.write((tx) => t.server.application.outbox.enqueue(tx, message));
}

async function rows(t: TestServer, ids: string[]): Promise<OutboxMessageEntity[]> {
  return t.server.db.manager.find(OutboxMessageEntity, { where: { id: In(ids) }, order: { createdAt: 'ASC' } });
}

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last seen ${JSON.stringify(value).slice(0, 600)}`);
    await sleep(50);
  }
}

async function createWebhook(t: TestServer, receiver: WebhookReceiver, path: string, events: string[]): Promise<string> {
  const r = await t.gql('mutation($u: String!, $e: [String!]!) { createWebhook(url: $u, events: $e) { webhook { id } secret } }', { u: receiver.url(path), e: events });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  receiver.trust(path, r.data!.createWebhook.secret);
  return r.data!.createWebhook.webhook.id;
}

describe.each(testDialects())('outbox delivery on %s', (dialect) => {
  let t: TestServer;
  let mail: MailCatcher;
  let hooks: WebhookReceiver;
  const figures = { database: dialect, messages: 0, sent: 0, retried: 0, failedAsExpected: 0, lost: 0 };
  /** Every message a test expects delivered: at the end, each must be SENT. */
  const mustArrive: string[] = [];

  beforeAll(async () => {
    mail = await MailCatcher.start();
    hooks = await WebhookReceiver.start();
    t = await startTestServer(dialect, { ...FAST, CANOPY_SMTP_URL: mail.url });
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
    await hooks?.close();
    console.log(`outbox faults on ${dialect}: ${JSON.stringify(figures)}`);
  });

  it('should send an e-mail within seconds of commit, one per recipient, with a Message-ID derived from its stable id', async () => {
    const committed = Date.now();
    const written = await enqueue(t, {
      kind: 'EMAIL',
      to: ['Privacy@Maps.example.com', 'legal@maps.example.com'],
      subject: 'Notice: the maps policy changes on 1 March',
      text: `Retention of location history goes from 30 to 90 days.\nRead it: ${t.server.application.outbox.link('/public/policies/maps')}`,
      event: 'notice.issued',
      cause: { type: 'notice', id: 'notice-1' },
    });
    expect(written.map((r) => r.recipient)).toEqual(['privacy@maps.example.com', 'legal@maps.example.com']);
    await mail.waitFor((m) => m.filter((x) => x.subject.startsWith('Notice: the maps')).length === 2, 5000);
    const caught = mail.received.filter((x) => x.subject.startsWith('Notice: the maps'));
    expect(Math.max(...caught.map((c) => c.at)) - committed).toBeLessThan(5000);
    for (const row of written) {
      const copy = caught.find((c) => c.envelopeTo[0] === row.recipient)!;
      expect(copy).toMatchObject({
        envelopeTo: [row.recipient],
        to: [row.recipient],
        from: 'notices@canopy.test',
        subject: 'Notice: the maps policy changes on 1 March',
        messageId: `<${row.messageId}@canopy.test>`,
      });
      expect(copy.text).toContain('Retention of location history goes from 30 to 90 days.');
      expect(copy.text).toContain('https://canopy.test/public/policies/maps');
      expect(copy.headers.get('x-canopy-event')).toBe('notice.issued');
    }
    const stored = await until('both SENT', () => rows(t, written.map((r) => r.id)), (rs) => rs.every((r) => r.status === 'SENT'));
    expect(stored.map((r) => [r.status, r.attempts, r.sentAt instanceof Date])).toEqual([
      ['SENT', 1, true],
      ['SENT', 1, true],
    ]);
    mustArrive.push(...written.map((r) => r.id));
    figures.messages += 2;
    figures.sent += 2;
  });

  it('should write nothing, and send nothing, for a transaction that rolled back', async () => {
    const before = await t.server.db.manager.count(OutboxMessageEntity);
    await expect(
      t.server.db.write(async (tx) => {
        await t.server.application.outbox.enqueue(tx, { kind: 'EMAIL', to: ['ghost@example.com'], subject: 'Rolled back', text: 'never' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sleep(300);
    expect(await t.server.db.manager.count(OutboxMessageEntity)).toBe(before);
    expect(mail.received.some((m) => m.subject === 'Rolled back')).toBe(false);
  });

  it('should refuse a malformed recipient before writing anything', async () => {
    const before = await t.server.db.manager.count(OutboxMessageEntity);
    await expect(enqueue(t, { kind: 'EMAIL', to: ['ok@example.com', 'Boss <boss@example.com>'], subject: 'x', text: 'y' })).rejects.toThrow(/Boss <boss@example.com>" (contains a space|must be a bare address)/);
    expect(await t.server.db.manager.count(OutboxMessageEntity)).toBe(before);
  });

  it('should send again, with the same Message-ID, a message whose dispatcher died between sending and marking', async () => {
    // A dispatcher claimed the message (committed lease), sent it, and died before marking it.
    const [row] = await t.server.db.write(async (tx) => {
      const written = await t.server.application.outbox.enqueue(tx, { kind: 'EMAIL', to: ['dpo@example.com'], subject: 'Sent by a dispatcher that died', text: 'at least once' });
      await tx.update(OutboxMessageEntity, { id: written[0].id }, { leaseOwner: 'dead-dispatcher', leaseExpiresAt: new Date(Date.now() + 700), attempts: 1 });
      return written;
    });
    const dying = new MailSender({ smtpUrl: mail.url, mailFrom: FAST.CANOPY_MAIL_FROM, timeoutMs: 1000 });
    await dying.send((await rows(t, [row.id]))[0]);
    dying.close();

    const stored = await until('re-sent after the lease', () => rows(t, [row.id]), ([r]) => r.status === 'SENT');
    const copies = mail.received.filter((m) => m.subject === 'Sent by a dispatcher that died');
    expect(copies.map((c) => c.messageId)).toEqual([`<${row.messageId}@canopy.test>`, `<${row.messageId}@canopy.test>`]);
    expect(copies[1].at - copies[0].at).toBeGreaterThanOrEqual(500);
    expect(stored[0]).toMatchObject({ attempts: 2, leaseOwner: t.server.delivery!.dispatcher.owner });
    mustArrive.push(row.id);
    figures.messages += 1;
    figures.sent += 1;
    figures.retried += 1;
  });

  it('should give up, without sending again, a message whose last attempt died with its dispatcher', async () => {
    const [row] = await t.server.db.write(async (tx) => {
      const written = await t.server.application.outbox.enqueue(tx, { kind: 'EMAIL', to: ['dpo@example.com'], subject: 'Last attempt died', text: 'no more tries' });
      await tx.update(OutboxMessageEntity, { id: written[0].id }, { leaseOwner: 'dead-dispatcher', leaseExpiresAt: new Date(Date.now() + 200), attempts: 10 });
      return written;
    });
    const [stored] = await until('FAILED once the lease ran out', () => rows(t, [row.id]), ([r]) => r.status === 'FAILED');
    expect(stored).toMatchObject({ attempts: 11, sentAt: null, lastError: expect.stringMatching(/no attempt left/) });
    expect(mail.received.some((m) => m.subject === 'Last attempt died')).toBe(false);
  });

  it('should keep every e-mail through an SMTP outage and send each once when the server is back', async () => {
    await mail.down();
    const written = (
      await Promise.all(Array.from({ length: 10 }, (_, i) => enqueue(t, { kind: 'EMAIL', to: [`officer${i}@example.com`], subject: `Outage ${i}`, text: `message ${i}` })))
    ).flat();
    const ids = written.map((r) => r.id);
    // Retried while the server is down: each has failed at least twice, none given up.
    const during = await until('two failed attempts each', () => rows(t, ids), (rs) => rs.every((r) => r.attempts >= 2 && r.lastError !== null && r.status === 'PENDING'));
    expect(during.every((r) => /SMTP: .*(ECONNREFUSED|ECONNECTION|ESOCKET)/.test(r.lastError!))).toBe(true);
    await mail.up();
    const after = await until('all SENT', () => rows(t, ids), (rs) => rs.every((r) => r.status === 'SENT'));
    await sleep(300);
    const counts = mail.countsByMessageId();
    const perMessage = written.map((r) => counts.get(`<${r.messageId}@canopy.test>`) ?? 0);
    expect(perMessage).toEqual(Array(10).fill(1));
    mustArrive.push(...ids);
    figures.messages += 10;
    figures.sent += after.length;
    figures.retried += after.reduce((n, r) => n + r.attempts - 1, 0);
  });

  it('should POST each event signed to the webhooks subscribed to it, and log the delivery', async () => {
    const id = await createWebhook(t, hooks, '/sharing', ['sharing.submitted', 'sharing.decided']);
    await createWebhook(t, hooks, '/policies', ['policy.published']);
    const committed = Date.now();
    const [row, ...others] = await enqueue(t, { kind: 'EVENT', event: 'sharing.submitted', data: { arrangementId: 'a-1', serviceKey: 'maps' }, occurredAt: new Date('2026-03-01T10:00:00.000Z') });
    expect(others).toEqual([]);
    await hooks.waitFor((h) => h.processed.has(`/sharing ${row.messageId}`), 5000);
    const [delivery] = hooks.requests.filter((r) => r.id === row.messageId);
    expect(delivery).toMatchObject({ path: '/sharing', verified: true, type: 'sharing.submitted', occurredAt: '2026-03-01T10:00:00.000Z', data: { arrangementId: 'a-1', serviceKey: 'maps' } });
    expect(delivery.at - committed).toBeLessThan(5000);
    expect(hooks.requests.some((r) => r.path === '/policies')).toBe(false);

    const log = await until(
      'the delivery log shows it SENT',
      async () => (await t.gql('query($id: ID!) { webhookDeliveries(webhookId: $id) { id event status attempts lastError deliveredAt } }', { id })).data!.webhookDeliveries,
      (list: any[]) => list[0]?.status === 'SENT',
    );
    expect(log).toEqual([{ id: row.id, event: 'sharing.submitted', status: 'SENT', attempts: 1, lastError: null, deliveredAt: expect.any(String) }]);
    mustArrive.push(row.id);
    figures.messages += 1;
    figures.sent += 1;
  });

  it('should retry a receiver that fails twice so that it gets the event exactly once', async () => {
    await createWebhook(t, hooks, '/flaky', ['conflict.opened']);
    hooks.answer = (d, attempt) => (d.path === '/flaky' && attempt <= 2 ? 500 : 200);
    const [row] = await enqueue(t, { kind: 'EVENT', event: 'conflict.opened', data: { conflictId: 'c-1' } });
    const [stored] = await until('SENT after retries', () => rows(t, [row.id]), ([r]) => r.status === 'SENT');
    const key = `/flaky ${row.messageId}`;
    expect(hooks.requests.filter((r) => r.path === '/flaky').map((r) => [r.verified, r.answered])).toEqual([
      [true, 500],
      [true, 500],
      [true, 200],
    ]);
    expect({ processed: hooks.processed.has(key), accepted: hooks.accepted.get(key), duplicates: hooks.duplicates }).toEqual({ processed: true, accepted: 1, duplicates: 0 });
    expect(stored).toMatchObject({ attempts: 3, lastError: 'HTTP 500: receiver says no (500)' });
    mustArrive.push(row.id);
    figures.messages += 1;
    figures.sent += 1;
    figures.retried += 2;
  });

  it('should mark a delivery FAILED after its last attempt, list it for admins, and replay it on request', async () => {
    const webhookId = await createWebhook(t, hooks, '/down', ['notice.issued']);
    let receiverUp = false;
    hooks.answer = (d) => (d.path === '/down' && !receiverUp ? 503 : d.path === '/down' ? 'hold' : 200);
    const [row] = await enqueue(t, { kind: 'EVENT', event: 'notice.issued', data: { noticeId: 'n-9' }, cause: { type: 'notice', id: 'n-9' } });
    const [failed] = await until('FAILED', () => rows(t, [row.id]), ([r]) => r.status !== 'PENDING', 30_000);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 10, lastError: 'HTTP 503: receiver says no (503)', sentAt: null });
    expect(hooks.attemptsOf(row.messageId, '/down')).toBe(10);

    const listed = await t.gql('{ outboxMessages(status: FAILED) { id messageId kind event status attempts lastError } }');
    expect(listed.data!.outboxMessages).toContainEqual({ id: row.id, messageId: row.messageId, kind: 'WEBHOOK', event: 'notice.issued', status: 'FAILED', attempts: 10, lastError: 'HTTP 503: receiver says no (503)' });
    const undelivered = await t.server.application.outboxQueries.failedFor(t.server.db.manager, 'notice', ['n-9', 'n-unknown']);
    expect(undelivered.map((f) => [f.id, f.causeId, f.lastError])).toEqual([[row.id, 'n-9', 'HTTP 503: receiver says no (503)']]);

    receiverUp = true;
    const replay = await t.gql('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id event status attempts deliveredAt } }', { id: row.id });
    expect(replay.errors).toBeUndefined();
    const replayed = replay.data!.replayWebhookDelivery;
    expect(replayed).toMatchObject({ event: 'notice.issued', status: 'PENDING', attempts: 0, deliveredAt: null });
    // While it is being sent (the receiver holds its answer), the new delivery is not replayed again.
    await hooks.waitFor((h) => h.requests.some((r) => r.path === '/down' && r.answered === 'held'));
    const twice = await t.gql('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', { id: replayed.id });
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    hooks.release();
    await until('replay SENT', () => rows(t, [replayed.id]), ([r]) => r.status === 'SENT');
    expect((await rows(t, [row.id]))[0].status).toBe('FAILED');
    expect(hooks.processed.has(`/down ${row.messageId}`)).toBe(true);
    const log = await t.gql('query($id: ID!) { webhookDeliveries(webhookId: $id) { id status } }', { id: webhookId });
    expect(log.data!.webhookDeliveries).toEqual([
      { id: replayed.id, status: 'SENT' },
      { id: row.id, status: 'FAILED' },
    ]);
    const audit = await t.gql('query($id: String!) { auditEvents(filter: { entityType: "webhook", entityId: $id }) { edges { node { action after } } } }', { id: webhookId });
    expect(audit.data!.auditEvents.edges.map((e: any) => e.node.action)).toEqual(expect.arrayContaining(['webhook.created', 'webhook.delivery-replayed']));
    mustArrive.push(replayed.id);
    figures.messages += 2;
    figures.sent += 1;
    figures.failedAsExpected += 1;
    figures.retried += 9;
  });

  it('should stop delivering to a deleted webhook: its pending deliveries end FAILED', async () => {
    const webhookId = await createWebhook(t, hooks, '/gone', ['policy.published']);
    hooks.answer = (d) => (d.path === '/gone' ? 500 : 200);
    const row = (await enqueue(t, { kind: 'EVENT', event: 'policy.published', data: {} })).find((r) => r.webhookId === webhookId)!;
    await hooks.waitFor((h) => h.attemptsOf(row.messageId, '/gone') >= 1);
    const deleted = await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhookId });
    expect(deleted.data).toEqual({ deleteWebhook: true });
    const [stored] = await until('FAILED by deletion', () => rows(t, [row.id]), ([r]) => r.status === 'FAILED');
    expect(stored.lastError).toBe('the webhook was deleted');
    const attempts = hooks.attemptsOf(row.messageId, '/gone');
    await sleep(500);
    expect(hooks.attemptsOf(row.messageId, '/gone')).toBe(attempts);
    const again = await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhookId });
    expect(again.data).toEqual({ deleteWebhook: false });
  });

  it('should have lost nothing: every message meant to arrive is SENT', async () => {
    const stored = await rows(t, mustArrive);
    figures.lost = mustArrive.length - stored.filter((r) => r.status === 'SENT').length;
    expect(stored).toHaveLength(mustArrive.length);
    expect(figures.lost).toBe(0);
    const counts = t.server.delivery!.dispatcher.counts;
    expect(counts.sent).toBeGreaterThanOrEqual(figures.sent);
  });
});

describe.each(testDialects())('outbox without an SMTP server on %s', (dialect) => {
  let t: TestServer;
  let hooks: WebhookReceiver;

  beforeAll(async () => {
    hooks = await WebhookReceiver.start();
    // Default poll (1 s): the commit's nudge, not the poll, makes delivery immediate.
    t = await startTestServer(dialect, { CANOPY_WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    await t?.close();
    await hooks?.close();
  });

  it('should keep e-mails PENDING, untried, and tell admins why, while webhooks still go out within 5 s', async () => {
    await createWebhook(t, hooks, '/events', ['policy.published']);
    const [email] = await enqueue(t, { kind: 'EMAIL', to: ['engineers@example.com'], subject: 'Policy published', text: 'v3 is in force' });
    const committed = Date.now();
    const [hook] = await enqueue(t, { kind: 'EVENT', event: 'policy.published', data: { policyKey: 'general', number: 3 } });
    await hooks.waitFor((h) => h.processed.has(`/events ${hook.messageId}`), 5000);
    expect(hooks.requests.find((r) => r.id === hook.messageId)!.at - committed).toBeLessThan(5000);
    await sleep(1500);
    const [kept] = await rows(t, [email.id]);
    expect(kept).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null, leaseOwner: null });
    const listed = await t.gql('{ outboxMessages(status: PENDING) { id kind recipient subject status waitingReason } }');
    expect(listed.data!.outboxMessages).toEqual([{ id: email.id, kind: 'EMAIL', recipient: 'engineers@example.com', subject: 'Policy published', status: 'PENDING', waitingReason: NO_SMTP }]);
  });
});
