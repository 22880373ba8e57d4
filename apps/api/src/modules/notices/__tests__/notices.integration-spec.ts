import { OutboxMessageEntity, testDialects } from '@canopy/persistence';
import { FAST_OUTBOX } from '../../../testing/fast-outbox';
import { MailCatcher } from '../../../testing/mail-catcher';
import { codeOf, startTestServer, tableCounts, TestServer } from '../../../testing/test-server';

const DAY = 86_400_000;
const FAST = {
  CANOPY_MAIL_FROM: 'Canopy Notices <notices@canopy.test>',
  CANOPY_PUBLIC_URL: 'https://canopy.test',
  CANOPY_PUBLIC_NOTICES: 'true',
  ...FAST_OUTBOX,
};
const ISSUE = `mutation($input: IssueNoticeInput!) { issueNotice(input: $input) {
  id channels issuedAt plannedEffectiveAt text voided issuedBy { email } policyVersion { number status }
  deliveries { channel recipient status attempts sentAt }
} }`;
const DRAFT = 'mutation($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { id number } }';
const PUBLISH = 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { number status notice { channels noticeAt } } }';
const RECIPIENTS = 'mutation($k: String!, $r: [String!]!) { setNoticeRecipients(serviceKey: $k, recipients: $r) { key noticeRecipients public } }';
const PUBLIC = 'mutation($k: String!, $p: Boolean!) { setServicePublic(serviceKey: $k, public: $p) { key public } }';

const MAPS_V1 = [
  { topic: 'RETENTION', subject: 'device.log', value: '30' },
  { topic: 'RIGHT', subject: 'DELETE', value: 'GRANTED' },
];
const MAPS_V2 = [{ topic: 'RETENTION', subject: 'device.log', value: '90' }];
const GLOBAL_V1 = [{ topic: 'AMENDMENT', subject: 'notice_days', value: '30' }, { topic: 'RIGHT', subject: 'ACCESS', value: 'GRANTED' }];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDialects())('issued notices on %s', (dialect) => {
  let t: TestServer;
  let mail: MailCatcher;
  /** Tokens of a privacy officer, an engineer of the owning team geo, an engineer of media; the maps draft's id. */
  let [officer, engineer, outsider, draftId] = ['', '', '', ''];
  const ok = async (query: string, variables: Record<string, unknown>, as: string) => {
    const r = await t.gql(query, variables, as);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  };
  /** A refused mutation changes nothing: same row counts in every table. */
  const refused = async (query: string, variables: Record<string, unknown>, as: string) => {
    const before = await tableCounts(t.server);
    const r = await t.gql(query, variables, as);
    expect(await tableCounts(t.server)).toEqual(before);
    return r;
  };
  const issue = (input: Record<string, unknown>, as = officer) => t.gql(ISSUE, { input: { policyVersionId: draftId, plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString(), ...input } }, as);

  beforeAll(async () => {
    mail = await MailCatcher.start();
    t = await startTestServer(dialect, { ...FAST, CANOPY_SMTP_URL: mail.url });
    await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
    await t.gql('mutation { createTeam(key: "media", name: "Media") { id } }');
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    engineer = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    outsider = await t.user('media@x.test', ['ENGINEER'], ['media']);
    for (const [key, team] of [['maps', 'geo'], ['photos', 'media'], ['notes', 'media']]) {
      await ok(`mutation { registerService(input: { key: "${key}", name: "${key[0].toUpperCase()}${key.slice(1)}", teamKey: "${team}" }) { id } }`, {}, officer);
    }
    await ok('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { key } }', {}, officer);
    await ok(DRAFT, { input: { policyKey: 'general', clauses: GLOBAL_V1 } }, officer);
    await ok(PUBLISH, { input: { policyKey: 'general', number: 1, effectiveAt: new Date().toISOString() } }, officer);
    await ok('mutation { createPolicy(input: { key: "maps-policy", title: "Maps", scope: SERVICE, serviceKey: "maps" }) { key } }', {}, officer);
    await ok(DRAFT, { input: { policyKey: 'maps-policy', clauses: MAPS_V1 } }, engineer);
    await ok(PUBLISH, { input: { policyKey: 'maps-policy', number: 1, effectiveAt: new Date().toISOString() } }, officer);
    draftId = (await ok(DRAFT, { input: { policyKey: 'maps-policy', clauses: MAPS_V2 } }, engineer)).draftPolicyVersion.id;
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  describe('notice settings of a service', () => {
    it('should store normalised recipients and the public flag for the owning engineer, with one audit event each', async () => {
      const r = await ok(RECIPIENTS, { k: 'maps', r: [' Privacy@Maps.example.com', 'legal@maps.example.com', 'privacy@maps.example.com'] }, engineer);
      expect(r.setNoticeRecipients).toEqual({ key: 'maps', noticeRecipients: ['privacy@maps.example.com', 'legal@maps.example.com'], public: false });
      expect((await ok(PUBLIC, { k: 'maps', p: true }, engineer)).setServicePublic).toEqual({ key: 'maps', public: true });
      await ok(RECIPIENTS, { k: 'photos', r: ['legal@maps.example.com', 'privacy@photos.example.com'] }, officer);
      const audit = await ok('{ auditEvents(filter: { entityType: "service", entityId: "maps" }, first: 10) { edges { node { action } } } }', {}, officer);
      expect(audit.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(expect.arrayContaining(['service.notice_recipients_set', 'service.public_set']));
    });

    it('should refuse malformed recipients with BAD_USER_INPUT naming them, changing nothing', async () => {
      const r = await refused(RECIPIENTS, { k: 'maps', r: ['ok@maps.example.com', 'Bob <bob@x.test>', 'a@b.c,d@e.f'] }, engineer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].message).toContain('Bob <bob@x.test>');
      expect(r.errors![0].extensions!.argument).toBe('recipients');
    });

    it('should refuse another team, answer NOT_FOUND for an unknown service, FORBIDDEN to the wrong role', async () => {
      expect(codeOf(await refused(PUBLIC, { k: 'maps', p: false }, outsider))).toBe('FORBIDDEN');
      expect(codeOf(await refused(RECIPIENTS, { k: 'maps', r: [] }, outsider))).toBe('FORBIDDEN');
      expect(codeOf(await refused(PUBLIC, { k: 'nope', p: true }, officer))).toBe('NOT_FOUND');
      const auditor = await t.user('aud@x.test', ['AUDITOR'], ['geo']);
      expect(codeOf(await refused(PUBLIC, { k: 'maps', p: false }, auditor))).toBe('FORBIDDEN');
    });
  });

  describe('issueNotice', () => {
    it('should answer NOTICE_REQUIRED for an empty channel list and BAD_USER_INPUT for a past planned date, changing nothing', async () => {
      expect(codeOf(await refused(ISSUE, { input: { policyVersionId: draftId, channels: [], plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString() } }, officer))).toBe('NOTICE_REQUIRED');
      const past = await refused(ISSUE, { input: { policyVersionId: draftId, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() - DAY).toISOString() } }, officer);
      expect(codeOf(past)).toBe('BAD_USER_INPUT');
      expect(past.errors![0].extensions!.argument).toBe('plannedEffectiveAt');
    });

    it('should refuse a channel that reaches nobody, naming it', async () => {
      await ok(PUBLIC, { k: 'maps', p: false }, engineer);
      const banner = await issue({ channels: ['HOMEPAGE_BANNER'] });
      expect(codeOf(banner)).toBe('BAD_USER_INPUT');
      expect(banner.errors![0].extensions!.channel).toBe('HOMEPAGE_BANNER');
      await ok(PUBLIC, { k: 'maps', p: true }, engineer);
      await ok(RECIPIENTS, { k: 'notes', r: [] }, officer);
      await ok('mutation { createPolicy(input: { key: "notes-policy", title: "Notes", scope: SERVICE, serviceKey: "notes" }) { key } }', {}, officer);
      const notesDraft = (await ok(DRAFT, { input: { policyKey: 'notes-policy', clauses: MAPS_V1 } }, officer)).draftPolicyVersion.id;
      const email = await refused(ISSUE, { input: { policyVersionId: notesDraft, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString() } }, officer);
      expect(codeOf(email)).toBe('BAD_USER_INPUT');
      expect(email.errors![0].extensions!.channel).toBe('EMAIL');
      expect(email.errors![0].message).toContain('EMAIL');
    });

    it('should refuse engineers, unknown versions and versions already in force', async () => {
      expect(codeOf(await refused(ISSUE, { input: { policyVersionId: draftId, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString() } }, engineer))).toBe('FORBIDDEN');
      expect(codeOf(await issue({ channels: ['EMAIL'], policyVersionId: '00000000-0000-0000-0000-000000000000' }))).toBe('NOT_FOUND');
      const v1 = await ok('{ policy(key: "maps-policy") { versions { id number } } }', {}, officer);
      const inForce = v1.policy.versions.find((v: { number: number }) => v.number === 1).id;
      expect(codeOf(await issue({ channels: ['EMAIL'], policyVersionId: inForce }))).toBe('INVALID_TRANSITION');
    });

    it('should issue at the server clock, say what gets weaker, and deliver the e-mail through the outbox to each recipient', async () => {
      const before = Date.now();
      const planned = new Date(Date.now() + 40 * DAY);
      const r = await ok(ISSUE, { input: { policyVersionId: draftId, channels: ['EMAIL', 'HOMEPAGE_BANNER'], plannedEffectiveAt: planned.toISOString(), message: 'Questions? privacy@maps.example.com' } }, officer);
      const notice = r.issueNotice;
      expect(new Date(notice.issuedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(notice.issuedAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect(notice).toMatchObject({ channels: ['EMAIL', 'HOMEPAGE_BANNER'], voided: false, issuedBy: { email: 'dpo@x.test' }, policyVersion: { number: 2, status: 'DRAFT' } });
      expect(notice.text).toContain('How long we keep device log: 30 becomes 90.');
      expect(notice.text).toContain('Your right to DELETE: GRANTED becomes no longer promised.');
      expect(notice.text).toContain(planned.toISOString().slice(0, 10));
      expect(notice.text).toContain('Questions? privacy@maps.example.com');
      expect(notice.text).toContain('https://canopy.test/public/policies/maps');
      expect(notice.deliveries.map((d: { channel: string; recipient: string }) => [d.channel, d.recipient])).toEqual([
        ['EMAIL', 'legal@maps.example.com'],
        ['EMAIL', 'privacy@maps.example.com'],
        ['HOMEPAGE_BANNER', 'homepage'],
      ]);
      await mail.waitFor((m) => m.filter((x) => x.subject.startsWith('Changes to the privacy policy of Maps')).length === 2, 5000);
      const caught = mail.received.filter((x) => x.subject.startsWith('Changes to the privacy policy of Maps'));
      const rows = await t.server.db.manager.findBy(OutboxMessageEntity, { causeType: 'notice', causeId: notice.id, kind: 'EMAIL' });
      for (const copy of caught) {
        const row = rows.find((x) => x.recipient === copy.envelopeTo[0])!;
        expect(copy).toMatchObject({ from: 'notices@canopy.test', subject: `Changes to the privacy policy of Maps from ${planned.toISOString().slice(0, 10)}`, messageId: `<${row.messageId}@canopy.test>` });
        expect(copy.text.trim()).toBe(notice.text.trim());
        expect(copy.headers.get('x-canopy-event')).toBe('notice.issued');
      }
      expect(caught.map((c) => c.envelopeTo[0]).sort()).toEqual(['legal@maps.example.com', 'privacy@maps.example.com']);
      for (let i = 0; i < 100; i++) {
        const q = await ok('query($k: String) { notices(serviceKey: $k) { id deliveries { channel status attempts sentAt } } }', { k: 'maps' }, engineer);
        const emails = q.notices[0].deliveries.filter((d: { channel: string }) => d.channel === 'EMAIL');
        if (emails.every((d: { status: string }) => d.status === 'SENT')) {
          expect(emails.every((d: { attempts: number; sentAt: string }) => d.attempts === 1 && d.sentAt)).toBe(true);
          break;
        }
        await sleep(50);
        if (i === 99) throw new Error(`not SENT: ${JSON.stringify(emails)}`);
      }
      const versions = await ok('{ policy(key: "maps-policy") { draft { notices { id voided } } } }', {}, officer);
      expect(versions.policy.draft.notices).toEqual([{ id: notice.id, voided: false }]);
    });

    it('should send a GLOBAL version\'s notice to every service\'s recipients once each', async () => {
      const globalDraft = (await ok(DRAFT, { input: { policyKey: 'general', clauses: GLOBAL_V1.slice(0, 1) } }, officer)).draftPolicyVersion.id;
      const r = await ok(ISSUE, { input: { policyVersionId: globalDraft, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString() } }, officer);
      expect(r.issueNotice.deliveries.map((d: { recipient: string }) => d.recipient)).toEqual(['legal@maps.example.com', 'privacy@maps.example.com', 'privacy@photos.example.com']);
      await mail.waitFor((m) => m.filter((x) => x.subject.startsWith('Changes to our privacy policy "General"')).length === 3, 5000);
      await sleep(200);
      expect(mail.received.filter((x) => x.subject.startsWith('Changes to our privacy policy "General"')).map((m) => m.envelopeTo[0]).sort()).toEqual([
        'legal@maps.example.com',
        'privacy@maps.example.com',
        'privacy@photos.example.com',
      ]);
      const photos = await ok('query { notices(serviceKey: "photos") { id policyVersion { number } } }', {}, officer);
      expect(photos.notices.map((n: { id: string }) => n.id)).toEqual([r.issueNotice.id]);
    });
  });

  describe('publishing with notices', () => {
    it('should refuse to publish the reduction before the issued notice allows it, naming the earliest date', async () => {
      const r = await refused(PUBLISH, { input: { policyKey: 'maps-policy', number: 2, effectiveAt: new Date(Date.now() + 35 * DAY).toISOString() } }, officer);
      expect(codeOf(r)).toBe('NOTICE_REQUIRED');
      const earliest = new Date(r.errors![0].extensions!.earliestEffectiveAt as string).getTime();
      expect(earliest).toBeGreaterThan(Date.now() + 39 * DAY);
    });

    it('should refuse an external notice without evidence, with no channel, or with an implausible date', async () => {
      const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
      const publish = (notice: Record<string, unknown>) => refused(PUBLISH, { input: { policyKey: 'maps-policy', number: 2, effectiveAt: at(45), notice } }, officer);
      expect(codeOf(await publish({ channels: ['EMAIL'], noticeAt: at(0) }))).toBe('NOTICE_REQUIRED');
      expect(codeOf(await publish({ channels: [], noticeAt: at(0), evidence: 'ticket 7' }))).toBe('NOTICE_REQUIRED');
      const future = await publish({ channels: ['EMAIL'], noticeAt: at(2), evidence: 'ticket 7' });
      expect([codeOf(future), future.errors![0].extensions!.argument]).toEqual(['BAD_USER_INPUT', 'notice.noticeAt']);
      const backdated = await publish({ channels: ['EMAIL'], noticeAt: at(-400), evidence: 'ticket 7' });
      expect([codeOf(backdated), backdated.errors![0].extensions!.argument]).toEqual(['BAD_USER_INPUT', 'notice.noticeAt']);
    });

    it('should publish on the issued notice and record it on the version', async () => {
      const notices = await ok('{ policy(key: "maps-policy") { draft { notices { issuedAt plannedEffectiveAt } } } }', {}, officer);
      const planned = notices.policy.draft.notices[0].plannedEffectiveAt;
      const r = await ok(PUBLISH, { input: { policyKey: 'maps-policy', number: 2, effectiveAt: planned } }, officer);
      expect(r.publishPolicyVersion).toMatchObject({ status: 'PUBLISHED', notice: { channels: ['EMAIL', 'HOMEPAGE_BANNER'], noticeAt: notices.policy.draft.notices[0].issuedAt } });
    });

    it('should void the notices of a version drafted again, so they no longer allow publishing', async () => {
      const draft = (await ok(DRAFT, { input: { policyKey: 'maps-policy', clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '180' }] } }, engineer)).draftPolicyVersion.id;
      const planned = new Date(Date.now() + 40 * DAY).toISOString();
      const issued = await ok(ISSUE, { input: { policyVersionId: draft, channels: ['EMAIL'], plannedEffectiveAt: planned } }, officer);
      await ok(DRAFT, { input: { policyKey: 'maps-policy', clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '365' }] } }, engineer);
      const v = await ok('{ notices(serviceKey: "maps") { id voided } }', {}, officer);
      expect(v.notices.find((n: { id: string }) => n.id === issued.issueNotice.id)).toEqual({ id: issued.issueNotice.id, voided: true });
      const r = await refused(PUBLISH, { input: { policyKey: 'maps-policy', number: 3, effectiveAt: planned } }, officer);
      expect(codeOf(r)).toBe('NOTICE_REQUIRED');
      expect(r.errors![0].message).toContain('voided');
      expect(await ok('mutation { discardPolicyDraft(policyKey: "maps-policy") }', {}, engineer)).toEqual({ discardPolicyDraft: true });
    });
  });
});
