import { testDialects } from '@canopy/persistence';
import { startTestServer, TestServer } from '../../../testing/test-server';
import { TestClock } from '../../../testing/test-clock';
import { createTeams, expectOk, item, publishPolicy, registerService, setInventory } from '../../../testing/fixtures';
import * as sharing from '../../../testing/fixtures';

const DAY = 86_400_000;

describe.each(testDialects())('public policy pages on %s', (dialect) => {
  let t: TestServer;
  let off: TestServer;
  let officer: string;
  const get = (path: string, headers: Record<string, string> = {}, server = t) => fetch(`${server.url}${path}`, { headers });

  beforeAll(async () => {
    t = await startTestServer(dialect, { CANOPY_PUBLIC_NOTICES: 'true', CANOPY_PUBLIC_URL: 'https://canopy.test' });
    await createTeams(t, 'geo');
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    await registerService(t, officer, 'maps', 'geo');
    await registerService(t, officer, 'hidden', 'geo');
    await setInventory(t, officer, 'maps', [item('device.location')]);
    await publishPolicy(t, officer, 'general', [
      { topic: 'COLLECTION', subject: 'device.location', value: 'CONSENT', text: 'We collect your location only with your consent.' } as never,
      { topic: 'AMENDMENT', subject: 'notice_days', value: '30' },
    ]);
    await expectOk(t.gql('mutation { setServicePublic(serviceKey: "maps", public: true) { key } }', {}, officer));
    await expectOk(t.gql('mutation { setNoticeRecipients(serviceKey: "maps", recipients: ["users@maps.example.com"]) { key } }', {}, officer));
    await publishPolicy(t, officer, 'hidden-policy', [{ topic: 'RETENTION', subject: 'device.log', value: '30' }], 'hidden');
  });
  afterAll(async () => {
    await t?.close();
    await off?.close();
  });

  it('should render the notice of a public service as a readable HTML page, in the reference order, generated from its clauses and inventory', async () => {
    const r = await get('/public/policies/maps');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    const html = await r.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Privacy notice: maps</h1>');
    expect(html).toContain('We collect your location only with your consent.');
    expect(html).toContain('device.location: for');
    expect(html.indexOf('id="collection"')).toBeLessThan(html.indexOf('id="sharing"'));
    expect(html.indexOf('id="sharing"')).toBeLessThan(html.indexOf('id="changes"'));
    expect(html).not.toContain('<script');
  });

  it('should serve the same data as JSON, and as of another instant with ?at=', async () => {
    const doc = (await (await get('/public/policies/maps.json')).json()) as any;
    expect(doc.service).toEqual({ key: 'maps', name: 'maps' });
    expect(doc.sections.find((s: { key: string }) => s.key === 'collection').statements).toEqual(['We collect your location only with your consent.']);
    expect(doc.collected.map((c: { dataCategory: string }) => c.dataCategory)).toEqual(['device.location']);
    const before = (await (await get(`/public/policies/maps.json?at=${new Date(Date.now() - 365 * DAY).toISOString()}`)).json()) as any;
    expect(before.sections.flatMap((s: { statements: string[] }) => s.statements)).toEqual([]);
    expect(before.collected).toEqual([]);
    expect((await get('/public/policies/maps.json?at=yesterday')).status).toBe(400);
  });

  it('should answer the same 404 for a missing service, one that is not public, and odd keys; never 500', async () => {
    const bodies = new Set<string>();
    for (const path of ['/public/policies/nope', '/public/policies/hidden', '/public/policies/hidden.json', '/public/policies/%00', '/public/policies/..%2F..%2Fetc', "/public/policies/x'%20OR%201=1", '/public/policies/%E0%A4%A', '/public/nothing']) {
      const r = await get(path);
      expect([path, r.status]).toEqual([path, path.includes('%E0%A4%A') ? r.status : 404]);
      expect(r.status).toBeLessThan(500);
      if (r.status === 404) bodies.add(await r.text());
    }
    expect(bodies.size).toBe(1);
  });

  it('should answer 304 to a client that has the current version (ETag, Last-Modified)', async () => {
    const first = await get('/public/policies/maps');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    expect((await get('/public/policies/maps', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/public/policies/maps', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/public/policies/maps', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('should list notices of public services and of the GLOBAL policy in the feed, upcoming first, never those of other services', async () => {
    const issue = async (policyKey: string, days: number) => {
      const draft = (await expectOk(t.gql('mutation($k: String!) { draftPolicyVersion(input: { policyKey: $k, clauses: [] }) { id } }', { k: policyKey }, officer))).draftPolicyVersion;
      const planned = new Date(Date.now() + days * DAY).toISOString();
      return (await expectOk(t.gql(`mutation { issueNotice(input: { policyVersionId: "${draft.id}", channels: [HOMEPAGE_BANNER], plannedEffectiveAt: "${planned}" }) { id } }`, {}, officer))).issueNotice.id;
    };
    await expectOk(t.gql('mutation { createPolicy(input: { key: "maps-policy", title: "Maps", scope: SERVICE, serviceKey: "maps" }) { key } }', {}, officer));
    const mapsNotice = await issue('maps-policy', 60);
    const globalNotice = await issue('general', 40);
    // A hidden service's banner reaches nobody: refused, so it can never appear in the feed.
    const hiddenDraft = (await expectOk(t.gql('mutation { draftPolicyVersion(input: { policyKey: "hidden-policy", clauses: [] }) { id } }', {}, officer))).draftPolicyVersion;
    const refused = await t.gql(`mutation { issueNotice(input: { policyVersionId: "${hiddenDraft.id}", channels: [HOMEPAGE_BANNER], plannedEffectiveAt: "${new Date(Date.now() + 40 * DAY).toISOString()}" }) { id } }`, {}, officer);
    expect(refused.errors![0].extensions!.channel).toBe('HOMEPAGE_BANNER');
    const feed = (await (await get('/public/updates.json')).json()) as any;
    expect(feed.updates.map((u: { id: string }) => u.id)).toEqual([globalNotice, mapsNotice]);
    expect(feed.updates[1]).toMatchObject({ serviceKey: 'maps', serviceName: 'maps' });
    const atom = await get('/public/updates.atom');
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await atom.text();
    expect(xml).toContain(`<id>urn:canopy:notice:${globalNotice}</id>`);
    expect(xml.indexOf(globalNotice)).toBeLessThan(xml.indexOf(mapsNotice));
    const page = await (await get('/public/policies/maps')).text();
    expect(page).toContain('Notices of changes');
    expect(page).not.toContain('No change has been announced.');
    await expectOk(t.gql('mutation { setServicePublic(serviceKey: "maps", public: false) { key } }', {}, officer));
    expect(((await (await get('/public/updates.json')).json()) as any).updates.map((u: { id: string }) => u.id)).toEqual([globalNotice]);
    expect((await get('/public/policies/maps')).status).toBe(404);
  });

  it('should serve nothing while CANOPY_PUBLIC_NOTICES is off', async () => {
    off = await startTestServer(dialect, { CANOPY_PUBLIC_NOTICES: 'false' });
    for (const path of ['/public/policies/maps', '/public/updates.json', '/public/updates.atom']) expect((await get(path, {}, off)).status).toBe(404);
  });
});

describe.each(testDialects())('the recipients on a public page as of an instant, on %s', (dialect) => {
  const clock = new TestClock();
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect, { CANOPY_PUBLIC_NOTICES: 'true' }, { clock });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should name a processor on the page of an instant when it received data then, and not after the arrangement was revoked', async () => {
    await createTeams(t, 'geo');
    const officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    const engineer = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    await registerService(t, officer, 'maps', 'geo');
    await setInventory(t, officer, 'maps', [item('device.log')]);
    await publishPolicy(t, officer, 'general', sharing.PERMISSIVE_GLOBAL);
    await expectOk(t.gql('mutation { setServicePublic(serviceKey: "maps", public: true) { key } }', {}, officer));
    await sharing.registerProcessor(t, officer, 'tiles');
    const proposed = await sharing.propose(t, engineer, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
    const submitted = (await expectOk(t.gql(sharing.SUBMIT, { id: proposed.id, v: proposed.version }, engineer))).submitSharing;
    const approved = (await expectOk(t.gql(sharing.APPROVE, { i: { id: proposed.id, expectedVersion: submitted.version } }, officer))).approveSharing;
    expect(approved.status).toBe('APPROVED');
    const whileApproved = clock.iso();
    clock.advance(1000);
    await expectOk(t.gql(sharing.REVOKE, { i: { id: proposed.id, expectedVersion: approved.version, comment: 'Contract ended.' } }, officer));

    const recipients = async (at?: string) =>
      ((await (await fetch(`${t.url}/public/policies/maps.json${at ? `?at=${encodeURIComponent(at)}` : ''}`)).json()) as { recipients: { processor: string }[] }).recipients.map(
        (r) => r.processor,
      );
    expect(await recipients(whileApproved)).toEqual(['tiles Inc.']);
    expect(await recipients()).toEqual([]);
  });
});
