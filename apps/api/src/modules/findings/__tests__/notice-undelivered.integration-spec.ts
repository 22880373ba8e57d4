import { testDialects } from '@canopy/persistence';
import { FAST_OUTBOX } from '../../../testing/fast-outbox';
import { MailCatcher } from '../../../testing/mail-catcher';
import { startTestServer, TestServer } from '../../../testing/test-server';

const DAY = 86_400_000;
const FAST = { CANOPY_MAIL_FROM: 'Canopy Notices <notices@canopy.test>', CANOPY_PUBLIC_URL: 'https://canopy.test', ...FAST_OUTBOX };

type Finding = { rule: string; severity: string; message: string; service?: { key: string } };
/** Set-up: policies, recipients, notices. */
const DRAFT = 'mutation($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { id } }';
const PUBLISH = 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { number } }';
const RECIPIENTS = 'mutation($k: String!, $r: [String!]!) { setNoticeRecipients(serviceKey: $k, recipients: $r) { key } }';
const ISSUE = 'mutation($input: IssueNoticeInput!) { issueNotice(input: $input) { id deliveries { recipient status } } }';

const undelivered = (findings: Finding[]) => findings.filter((f) => f.rule === 'NOTICE_UNDELIVERED');

/** What is read: a service's findings, the organisation's, a page of them, the notices' deliveries. */
const SERVICE_FINDINGS = 'query($k: String!) { service(key: $k) { findings { rule severity message } } }';
const SWEEP = '{ findings { rule severity message service { key } } }';
const PAGE = '{ findingsConnection(first: 50) { edges { node { rule severity message service { key } } } } }';
const NOTICES = '{ notices { id deliveries { recipient status } } }';

describe.each(testDialects())('NOTICE_UNDELIVERED on %s', (dialect) => {
  let t: TestServer;
  let mail: MailCatcher;
  let officer = '';
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await t.gql(query, variables, officer);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  };
  const statuses = async () => (await ok(NOTICES)).notices.flatMap((n: { deliveries: { status: string }[] }) => n.deliveries.map((d) => d.status));
  const untilDelivered = async (expected: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const s = await statuses();
      if (s.length === expected && s.every((x: string) => x === 'SENT' || x === 'FAILED')) return s;
      if (Date.now() > deadline) throw new Error(`deliveries not settled: ${s.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    mail = await MailCatcher.start();
    mail.refused.add('gone@maps.example.com');
    t = await startTestServer(dialect, { ...FAST, CANOPY_SMTP_URL: mail.url });
    await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
    officer = await t.user('dpo@x.test', ['PRIVACY_OFFICER']);
    for (const key of ['maps', 'photos', 'notes']) {
      await ok(`mutation { registerService(input: { key: "${key}", name: "${key}", teamKey: "geo" }) { id } }`);
    }
    await ok(RECIPIENTS, { k: 'maps', r: ['privacy@maps.example.com', 'gone@maps.example.com'] });
    await ok(RECIPIENTS, { k: 'photos', r: ['privacy@photos.example.com'] });
    await ok(RECIPIENTS, { k: 'notes', r: ['gone@maps.example.com'] });
    for (const key of ['maps', 'photos']) {
      await ok(`mutation { createPolicy(input: { key: "${key}-policy", title: "${key}", scope: SERVICE, serviceKey: "${key}" }) { key } }`);
      await ok(DRAFT, { input: { policyKey: `${key}-policy`, clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '30' }] } });
      await ok(PUBLISH, { input: { policyKey: `${key}-policy`, number: 1, effectiveAt: new Date().toISOString() } });
      const draft = (await ok(DRAFT, { input: { policyKey: `${key}-policy`, clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '90' }] } })).draftPolicyVersion.id;
      await ok(ISSUE, { input: { policyVersionId: draft, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString() } });
    }
    await untilDelivered(3);
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  it('should end the refused recipient FAILED and the others SENT', async () => {
    const deliveries = (await ok(NOTICES)).notices.flatMap((n: { deliveries: { recipient: string; status: string }[] }) => n.deliveries);
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { recipient: 'gone@maps.example.com', status: 'FAILED' },
        { recipient: 'privacy@maps.example.com', status: 'SENT' },
        { recipient: 'privacy@photos.example.com', status: 'SENT' },
      ]),
    );
  });

  it('should report a HIGH NOTICE_UNDELIVERED on the service whose notice failed, naming the recipient', async () => {
    const maps = undelivered((await ok(SERVICE_FINDINGS, { k: 'maps' })).service.findings);
    expect(maps).toHaveLength(1);
    expect(maps[0]).toMatchObject({ severity: 'HIGH' });
    expect(maps[0].message).toMatch(/^notice \S+ could not be e-mailed to gone@maps\.example\.com after 1 attempt: SMTP: .*550/);
  });

  it('should not report a notice whose e-mail was SENT, nor another service sharing only the address', async () => {
    expect(undelivered((await ok(SERVICE_FINDINGS, { k: 'photos' })).service.findings)).toEqual([]);
    expect(undelivered((await ok(SERVICE_FINDINGS, { k: 'notes' })).service.findings)).toEqual([]);
  });

  it('should show the same finding in the organisation-wide findings and the findings connection', async () => {
    const sweep = undelivered((await ok(SWEEP)).findings);
    const page = undelivered((await ok(PAGE)).findingsConnection.edges.map((e: { node: Finding }) => e.node));
    expect(sweep.map((f) => f.service?.key)).toEqual(['maps']);
    expect(page).toEqual(sweep);
  });

  it("should report a GLOBAL notice's failed e-mail on each service keeping that recipient, and only there", async () => {
    await ok('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { key } }');
    await ok(DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '30' }] } });
    await ok(PUBLISH, { input: { policyKey: 'general', number: 1, effectiveAt: new Date().toISOString() } });
    const draft = (await ok(DRAFT, { input: { policyKey: 'general', clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '60' }] } })).draftPolicyVersion.id;
    const notice = (await ok(ISSUE, { input: { policyVersionId: draft, channels: ['EMAIL'], plannedEffectiveAt: new Date(Date.now() + 40 * DAY).toISOString() } })).issueNotice;
    await untilDelivered(6);
    const about = (findings: Finding[]) => undelivered(findings).filter((f) => f.message.startsWith(`notice ${notice.id} `));
    expect(about((await ok(SERVICE_FINDINGS, { k: 'notes' })).service.findings)).toEqual([expect.objectContaining({ severity: 'HIGH' })]);
    expect(about((await ok(SERVICE_FINDINGS, { k: 'maps' })).service.findings)).toHaveLength(1);
    expect(about((await ok(SERVICE_FINDINGS, { k: 'photos' })).service.findings)).toEqual([]);
    expect(about((await ok(SWEEP)).findings).map((f) => f.service?.key)).toEqual(['maps', 'notes']);
  });

  it('should drop the finding once the notice no longer stands: its draft drafted again voids it', async () => {
    const before = undelivered((await ok(SERVICE_FINDINGS, { k: 'maps' })).service.findings);
    expect(before).toHaveLength(2);
    await ok(DRAFT, { input: { policyKey: 'maps-policy', clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '120' }] } });
    const after = undelivered((await ok(SERVICE_FINDINGS, { k: 'maps' })).service.findings);
    expect(after).toHaveLength(1);
    expect(before).toContainEqual(after[0]);
  });
});
