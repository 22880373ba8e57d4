import { randomBytes } from 'node:crypto';
import { AuditHeadEntity, testDialects, WebhookEntity } from '@canopy/persistence';
import { codeOf, startTestServer, tableCounts, TestServer } from '../../../testing/test-server';

const CREATE = 'mutation($u: String!, $e: [String!]!) { createWebhook(url: $u, events: $e) { webhook { id url events active createdAt } secret } }';

/** Everything a refused request could have written. */
async function snapshot(t: TestServer): Promise<string> {
  const head = await t.server.db.manager.findOneBy(AuditHeadEntity, { id: 1 });
  return JSON.stringify({ tables: await tableCounts(t.server), head: head?.seq });
}

describe.each(testDialects())('webhooks API on %s', (dialect) => {
  let t: TestServer;
  const key = randomBytes(32);

  beforeAll(async () => {
    // No CANOPY_WEBHOOK_ALLOW_PRIVATE: the SSRF guard is on. A public address that is never contacted (no event is enqueued here).
    t = await startTestServer(dialect, { CANOPY_SECRETS_KEY: key.toString('base64'), CANOPY_DISPATCHER: 'false' });
  });
  afterAll(() => t?.close());

  it('should create a webhook, show its secret once, keep it sealed, and audit the creation without URL path or secret', async () => {
    const r = await t.gql(CREATE, { u: 'https://93.184.216.34/hooks/canopy?token=abc', e: ['policy.published', 'sharing.submitted', 'policy.published'] });
    expect(r.errors).toBeUndefined();
    const { webhook, secret } = r.data!.createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({ url: 'https://93.184.216.34/hooks/canopy?token=abc', events: ['sharing.submitted', 'policy.published'], active: true });

    const listed = await t.gql('{ webhooks { id url events active } }');
    expect(listed.data!.webhooks).toContainEqual({ id: webhook.id, url: webhook.url, events: webhook.events, active: true });
    expect(JSON.stringify(listed)).not.toContain(secret);

    const row = await t.server.db.manager.findOneByOrFail(WebhookEntity, { id: webhook.id });
    expect(row.secretSealed).toMatch(/^aes256gcm:/);
    expect(row.secretSealed).not.toContain(secret.slice(6));

    const audit = await t.gql('query($id: String!) { auditEvents(filter: { entityType: "webhook", entityId: $id }) { edges { node { action actor { email } after } } } }', { id: webhook.id });
    const [event] = audit.data!.auditEvents.edges.map((e: any) => e.node);
    expect(event.action).toBe('webhook.created');
    expect(event.after).toEqual({ origin: 'https://93.184.216.34', events: ['sharing.submitted', 'policy.published'], active: true });
  });

  it.each([
    ['ftp://93.184.216.34/x', /uses ftp: only http and https/],
    ['javascript:alert(1)', /uses javascript/],
    ['gopher://93.184.216.34/', /uses gopher/],
    ['not a url', /is not a URL/],
    ['https://admin:pw@93.184.216.34/', /user name or password/],
    ['http://127.0.0.1:4000/graphql', /loopback/],
    ['http://localhost:4000/graphql', /localhost \(resolved to (127\.0\.0\.1|::1)\), a loopback/],
    ['http://[::1]/', /loopback/],
    ['http://169.254.169.254/latest/meta-data/iam/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://10.0.0.8/hook', /private address/],
    ['http://192.168.0.10/hook', /private address/],
    ['http://100.100.100.200/latest/meta-data', /carrier-grade NAT/],
    ['http://0.0.0.0/', /unspecified/],
    ['https://canopy-no-such-host.invalid/hook', /does not resolve/],
  ])('should refuse %s with BAD_USER_INPUT naming the URL, writing nothing', async (url, reason) => {
    const before = await snapshot(t);
    const r = await t.gql(CREATE, { u: url, e: ['notice.issued'] });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions).toMatchObject({ argument: 'url' });
    expect(r.errors![0].message).toContain(`url "${url}" is refused`);
    expect(r.errors![0].message).toMatch(reason);
    expect(await snapshot(t)).toBe(before);
  });

  it.each([
    [['dpa.expiring'], /"dpa.expiring" is not an event; the events are conflict.opened, sharing.submitted, sharing.decided, notice.issued, policy.published/],
    [['notice.issued', 'Notice.Issued', 'x'], /"Notice.Issued", "x" are not events/],
    [[], /events must name at least one/],
  ])('should refuse the events %j with BAD_USER_INPUT, writing nothing', async (events, message) => {
    const before = await snapshot(t);
    const r = await t.gql(CREATE, { u: 'https://93.184.216.34/hook', e: events });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { argument: 'events' } });
    expect(await snapshot(t)).toBe(before);
  });

  it('should delete once, audited, and answer NOT_FOUND for what does not exist', async () => {
    const created = (await t.gql(CREATE, { u: 'https://93.184.216.34/delete-me', e: ['conflict.opened'] })).data!.createWebhook.webhook;
    expect((await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.id })).data).toEqual({ deleteWebhook: true });
    expect((await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.id })).data).toEqual({ deleteWebhook: false });
    expect((await t.gql('{ webhooks { id } }')).data!.webhooks).not.toContainEqual({ id: created.id });
    const audit = await t.gql('query($id: String!) { auditEvents(filter: { entityType: "webhook", entityId: $id }) { edges { node { action } } } }', { id: created.id });
    expect(audit.data!.auditEvents.edges.map((e: any) => e.node.action).sort()).toEqual(['webhook.created', 'webhook.deleted']);

    for (const [query, variables] of [
      ['mutation($id: ID!) { deleteWebhook(id: $id) }', { id: 'no-such-webhook' }],
      ['query($id: ID!) { webhookDeliveries(webhookId: $id) { id } }', { id: 'no-such-webhook' }],
      ['query($id: ID!) { webhookDeliveries(webhookId: $id) { id } }', { id: created.id }],
      ['mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', { id: 'no-such-delivery' }],
    ] as const) {
      const before = await snapshot(t);
      expect(codeOf(await t.gql(query, variables))).toBe('NOT_FOUND');
      expect(await snapshot(t)).toBe(before);
    }
  });

  it('should bound the delivery log page', async () => {
    const created = (await t.gql(CREATE, { u: 'https://93.184.216.34/paged', e: ['conflict.opened'] })).data!.createWebhook.webhook;
    for (const first of [0, 201, -1]) {
      const r = await t.gql('query($id: ID!, $n: Int) { webhookDeliveries(webhookId: $id, first: $n) { id } }', { id: created.id, n: first });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    }
    expect((await t.gql('query($id: ID!) { webhookDeliveries(webhookId: $id, first: 200) { id } }', { id: created.id })).data).toEqual({ webhookDeliveries: [] });
  });
});
