import { DEMO, gql, screenshot, signedIn, toast, useBrowser } from './support/browser';
import { download, parseCsv } from './support/downloads';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ROPA = 'query($at: DateTime) { recordOfProcessing(at: $at) { at activities { serviceKey purpose } } }';
const HEADER = ['service', 'service_name', 'team', 'lifecycle', 'purpose', 'purpose_name', 'legal_bases', 'data_subjects', 'data_categories', 'recipients', 'transfers_outside_home_region', 'transfers', 'dpia', 'erasure_time_limits', 'security_measures', 'gaps', 'as_of'];

interface Ropa {
  recordOfProcessing: { at: string; activities: { serviceKey: string; purpose: string }[] };
}

describe('an auditor exports', () => {
  const browser = useBrowser();

  it('should download the record of processing as CSV for an earlier instant: a header row and one row per activity', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/exports');
    await page.getByRole('heading', { name: 'Exports', level: 2 }).waitFor();

    // The earlier instant: the start of a minute in which nothing has happened yet (the field takes minutes).
    const eventsSince = async (from: number) =>
      (await gql<{ auditEvents: { totalCount: number } }>(page, 'query($from: DateTime) { auditEvents(first: 1, filter: { from: $from }) { totalCount } }', { from: new Date(from).toISOString() })).auditEvents.totalCount;
    let earlier = Math.floor(Date.now() / MINUTE) * MINUTE;
    if ((await eventsSince(earlier)) > 0) {
      await sleep(earlier + MINUTE - Date.now() + 200);
      earlier += MINUTE;
    }

    // After that instant, a new service with an inventory adds processing activities (set-up through the API, as an officer).
    const officer = await signedIn(browser(), DEMO.officer, '/overview');
    await gql(officer.page, 'mutation { registerService(input: { key: "e2e-later", name: "Later", teamKey: "geo" }) { key } }');
    await gql(officer.page, `mutation { setInventory(serviceKey: "e2e-later", items: [{ dataCategory: "user.account", purposes: ["service.provide", "security"], source: USER_PROVIDED, legalBasis: CONTRACT, retentionDays: 30, encryption: AT_REST_AND_IN_TRANSIT }]) { key } }`);
    await officer.context.close();

    const iso = new Date(earlier).toISOString();
    const then = (await gql<Ropa>(page, ROPA, { at: iso })).recordOfProcessing;
    const now = (await gql<Ropa>(page, ROPA, { at: null })).recordOfProcessing;
    expect(now.activities.length).toBeGreaterThan(then.activities.length);
    expect(then.activities.some((a) => a.serviceKey === 'e2e-later')).toBe(false);

    // Through the page: type the instant, see the record as of then, download it.
    await page.getByLabel('As of (UTC)').fill(iso.slice(0, 16).replace('T', ' '));
    await page.getByLabel('As of (UTC)').press('Tab');
    const summary = page.getByTestId('ropa-summary');
    await summary.filter({ hasText: `as of ${iso.slice(0, 16).replace('T', ' ')} UTC` }).waitFor();
    expect(await summary.innerText()).toMatch(new RegExp(`^${then.activities.length} processing activit`));
    await screenshot(page, '56-exports');
    const file = await download(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
    await toast(page, 'is downloaded (CSV)');
    expect(file.name).toBe(`canopy-ropa-${iso.slice(0, 16).replace(/:/g, '-')}Z.csv`);
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(then.activities.length);
    expect(rows.map((r) => `${r[0]}:${r[4]}`)).toEqual(then.activities.map((a) => `${a.serviceKey}:${a.purpose}`));
    expect(rows.every((r) => r[16] === then.at)).toBe(true);
    // Every activity says where its DPIA stands (required or not), as the CLI's file does.
    expect(rows.every((r) => /required/i.test(r[12]))).toBe(true);

    // JSON for the same instant.
    const json = await download(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
    expect(JSON.parse(json.text)).toMatchObject({ at: then.at, activities: expect.any(Array) });
    expect(JSON.parse(json.text).activities).toHaveLength(then.activities.length);
    expect(json.text).not.toContain('__typename');
    await context.close();
  });

  it('should download the audit log with the current filter as CSV', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/audit?entityType=service');
    const { auditEvents } = await gql<{ auditEvents: { totalCount: number } }>(page, '{ auditEvents(filter: { entityType: "service" }) { totalCount } }');
    const file = await download(page, () => page.getByRole('button', { name: 'Download the filtered events (CSV)' }).click());
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual(['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'hash', 'before', 'after']);
    expect(rows).toHaveLength(auditEvents.totalCount);
    expect(rows.every((r) => r[4] === 'service')).toBe(true);
    await toast(page, /audit events? downloaded as CSV/);
    await screenshot(page, '57-audit-download');
    await context.close();
  });
});
