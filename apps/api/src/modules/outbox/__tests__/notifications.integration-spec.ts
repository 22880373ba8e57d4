import { OutboxMessageEntity, testDialects } from '@canopy/persistence';
import { MailCatcher } from '../../../testing/mail-catcher';
import { startTestServer, TestServer } from '../../../testing/test-server';
import { createTeams, expectOk, propose, publishPolicy, registerProcessor, registerService, REJECT, SUBMIT } from '../../../testing/fixtures';

const FAST = {
  CANOPY_MAIL_FROM: 'Canopy <canopy@canopy.test>',
  CANOPY_PUBLIC_URL: 'https://canopy.test',
  CANOPY_OUTBOX_POLL_MS: '50',
  CANOPY_OUTBOX_LEASE_MS: '2000',
  CANOPY_DELIVERY_TIMEOUT_MS: '1000',
};
const DAY = 86_400_000;

/**
 * The five events of DESIGN.md section 8 by e-mail through the outbox, to a
 * real SMTP server: officers for review events, engineers of the service's
 * team; auditors in the team and engineers of other teams hear nothing.
 */
describe.each(testDialects())('notifications by e-mail on %s', (dialect) => {
  let t: TestServer;
  let mail: MailCatcher;
  let officer: string;
  let geo: string;

  /** The recipients of the e-mails of one event whose subject starts with `subject`, once delivered. */
  async function told(event: string, subject: string, count: number): Promise<string[]> {
    await mail.waitFor((m) => m.filter((x) => x.headers.get('x-canopy-event') === event && x.subject.startsWith(subject)).length >= count, 5000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    return mail.received.filter((x) => x.headers.get('x-canopy-event') === event && x.subject.startsWith(subject)).flatMap((x) => x.envelopeTo).sort();
  }

  beforeAll(async () => {
    mail = await MailCatcher.start();
    t = await startTestServer(dialect, { ...FAST, CANOPY_SMTP_URL: mail.url });
    await createTeams(t, 'geo', 'media');
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    await t.user('dpo2@x.test', ['PRIVACY_OFFICER']);
    geo = await t.user('geo@x.test', ['ENGINEER'], ['geo']);
    await t.user('geo2@x.test', ['ENGINEER'], ['geo']);
    await t.user('aud@x.test', ['AUDITOR'], ['geo']);
    await t.user('media@x.test', ['ENGINEER'], ['media']);
    await registerService(t, officer, 'maps', 'geo');
    await registerProcessor(t, officer, 'tiles');
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('sharing.submitted: officers review it, the owning team hears', async () => {
    const a = await propose(t, geo, { serviceKey: 'maps', processorKey: 'tiles', dataCategories: ['device.log'] });
    const s = (await expectOk(t.gql(SUBMIT, { id: a.id, v: a.version }, geo))).submitSharing;
    expect(await told('sharing.submitted', 'Review requested', 4)).toEqual(['dpo2@x.test', 'dpo@x.test', 'geo2@x.test', 'geo@x.test']);
    const copy = mail.received.find((x) => x.subject.startsWith('Review requested'))!;
    expect(copy.subject).toBe('Review requested: sharing of device.log by maps with tiles Inc.');
    expect(copy.text).toContain(`https://canopy.test/sharing/${a.id}`);
    const rejected = (await expectOk(t.gql(REJECT, { i: { id: a.id, expectedVersion: s.version, comment: 'Not needed for tiles.' } }, officer))).rejectSharing;
    expect(rejected.status).toBe('REJECTED');
    expect(await told('sharing.decided', 'Decided (REJECTED)', 2)).toEqual(['geo2@x.test', 'geo@x.test']);
    expect(mail.received.find((x) => x.subject.startsWith('Decided'))!.text).toContain('Not needed for tiles.');
  });

  it('policy.published and conflict.opened: the team hears of its policy, officers and the team of conflicts', async () => {
    await publishPolicy(t, officer, 'maps-policy', [{ topic: 'SHARING', subject: 'device.location:third_party', value: 'ALLOWED' }], 'maps');
    expect(await told('policy.published', 'Published: maps-policy', 2)).toEqual(['geo2@x.test', 'geo@x.test']);
    await publishPolicy(t, officer, 'general', [{ topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' }]);
    expect(await told('policy.published', 'Published: general', 2)).toEqual(['dpo2@x.test', 'dpo@x.test']);
    expect(await told('conflict.opened', '1 policy conflict to review', 4)).toEqual(['dpo2@x.test', 'dpo@x.test', 'geo2@x.test', 'geo@x.test']);
  });

  it('notice.issued: the team hears, apart from the notice e-mails to users', async () => {
    await expectOk(t.gql('mutation { setNoticeRecipients(serviceKey: "maps", recipients: ["users@maps.example.com"]) { key } }', {}, geo));
    const draft = (await expectOk(t.gql('mutation { draftPolicyVersion(input: { policyKey: "maps-policy", clauses: [] }) { id } }', {}, geo))).draftPolicyVersion;
    const planned = new Date(Date.now() + 40 * DAY).toISOString();
    const notice = (await expectOk(t.gql(`mutation { issueNotice(input: { policyVersionId: "${draft.id}", channels: [EMAIL], plannedEffectiveAt: "${planned}" }) { id deliveries { recipient } } }`, {}, officer))).issueNotice;
    expect(notice.deliveries).toEqual([{ recipient: 'users@maps.example.com' }]);
    expect(await told('notice.issued', 'Notice issued', 2)).toEqual(['geo2@x.test', 'geo@x.test']);
    expect(await told('notice.issued', 'Changes to', 1)).toEqual(['users@maps.example.com']);
  });

  it('should have written every message in the transaction of its change and sent each once', async () => {
    const rows = await t.server.db.manager.findBy(OutboxMessageEntity, { kind: 'EMAIL' });
    expect(rows.length).toBe(mail.received.length);
    expect(new Set(mail.received.map((m) => m.messageId)).size).toBe(mail.received.length);
  });
});
