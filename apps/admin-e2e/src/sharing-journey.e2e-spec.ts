import { DEMO, choose, clickAndToast, closeOptions, confirmDialog, gql, screenshot, signedIn, textOf, typeTags, useBrowser } from './support/browser';

const day = 24 * 60 * 60 * 1000;
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

describe('a processor, a proposal and an approval', () => {
  const browser = useBrowser();

  it('should let an officer register a processor with a DPA, an engineer propose and submit sharing with it, and the officer approve it', async () => {
    // The officer lands on the review queues and registers the processor through the pages.
    const officer = await signedIn(browser(), DEMO.officer, '/');
    await officer.page.waitForURL('**/review');
    await officer.page.getByRole('heading', { name: 'Review queues', level: 2 }).waitFor();
    await screenshot(officer.page, '50-review-queues');
    await officer.page.goto('/processors');
    await officer.page.getByRole('link', { name: 'Register a processor' }).click();
    await officer.page.waitForURL('**/processors/new');
    const p = officer.page;
    await p.getByRole('button', { name: 'Register processor' }).click();
    await p.getByText('Enter the company name.').waitFor();
    await p.getByRole('textbox', { name: /^Name/ }).fill('Route Analytics GmbH');
    await p.getByLabel('Key').fill('e2e-route-analytics');
    await choose(p, 'Country', 'DE · Germany', 'DE');
    await p.getByLabel('Contact e-mail').fill('privacy@route-analytics.example');
    // A DPA that expires before it was signed is refused next to its field.
    await p.getByLabel('DPA signed (UTC)').fill(utcDay(-10));
    await p.getByLabel('DPA expires (UTC)').fill(utcDay(-20));
    await p.getByLabel('DPA reference').click();
    await p.getByRole('button', { name: 'Register processor' }).click();
    await p.getByText('The DPA must expire after it was signed.').waitFor();
    await p.getByLabel('DPA expires (UTC)').fill(utcDay(355));
    await p.getByLabel('DPA reference').fill('DPA-2026-017');
    await choose(p, 'Transfer mechanism', 'not required (inside the home region)');
    await typeTags(p, 'Certifications', ['ISO 27001']);
    await p.getByRole('button', { name: 'Add a sub-processor' }).click();
    await p.getByLabel('Sub-processor 1 name').fill('Cloud Hosting AG');
    await choose(p, 'Sub-processor 1 country', 'AT · Austria', 'AT');
    await p.getByLabel('Sub-processor 1 purpose').fill('hosting');
    await screenshot(p, '51-processors-new');
    await clickAndToast(p, 'Register processor', 'Route Analytics GmbH is registered.');
    await p.waitForURL('**/processors/e2e-route-analytics');
    await p.getByText('Sub-processors: Cloud Hosting AG (AT, hosting)').waitFor();

    const { processor } = await gql<{ processor: { dpaValid: boolean; dpaReference: string; certifications: string[]; version: number } }>(
      p,
      '{ processor(key: "e2e-route-analytics") { dpaValid dpaReference certifications version } }',
    );
    expect(processor).toMatchObject({ dpaValid: true, dpaReference: 'DPA-2026-017', certifications: ['ISO 27001'] });

    // Renewing the DPA is an edit of its dates.
    await p.getByRole('link', { name: 'Renew DPA' }).click();
    await p.waitForURL(/\/processors\/e2e-route-analytics\/edit/);
    await p.getByLabel('DPA expires (UTC)').fill(utcDay(720));
    await screenshot(p, '52-processor-edit');
    await clickAndToast(p, 'Save processor', 'Route Analytics GmbH is saved.');
    const renewed = (await gql<{ processor: { dpaExpiresAt: string; version: number; contactEmail: string } }>(p, '{ processor(key: "e2e-route-analytics") { dpaExpiresAt version contactEmail } }')).processor;
    expect(renewed.dpaExpiresAt.slice(0, 10)).toBe(utcDay(720));
    expect(renewed.contactEmail).toBe('privacy@route-analytics.example');
    expect(renewed.version).toBe(processor.version + 1);

    // The engineer proposes sharing from its service, edits the draft, and submits it.
    const engineer = await signedIn(browser(), DEMO.engineerGeo, '/services/maps?tab=sharing');
    const e = engineer.page;
    await e.getByRole('link', { name: 'Propose sharing' }).click();
    await e.waitForURL('**/services/maps/sharing/new');
    await choose(e, 'Processor', /Route Analytics GmbH/);
    await choose(e, 'Data categories', /^device\.log ·/, 'device.log');
    await closeOptions(e);
    await choose(e, 'Purposes', /^service\.improve ·/);
    await closeOptions(e);
    await choose(e, 'Legal basis', 'legitimate interest');
    await screenshot(e, '53-propose-sharing');
    await clickAndToast(e, 'Propose sharing', 'The sharing is proposed as a draft');
    await e.waitForURL(/\/sharing\/[0-9a-f-]+$/);
    const id = e.url().split('/').pop()!;
    // The global policy shares with third parties only with consent: the check says so, and the draft is fixed.
    await e.getByText(/The effective policy permits the sharing: failed/).waitFor();
    await e.getByRole('button', { name: 'Edit draft' }).click();
    await choose(e, 'Legal basis', 'consent');
    await screenshot(e, '54-sharing-edit-draft');
    await clickAndToast(e, 'Save draft', 'The draft is saved.');
    await e.getByText(/The effective policy permits the sharing: passed/).waitFor();
    await e.getByRole('button', { name: 'Submit for review' }).click();
    await e.getByText('Submit for review: done.').waitFor();
    await e.getByText('pending review', { exact: true }).first().waitFor();
    await engineer.context.close();

    // The officer finds it in the queue and approves it, after a dialog that says what happens.
    await p.goto('/review');
    await p.getByRole('link', { name: 'Review sharing from Maps to Route Analytics GmbH' }).first().click();
    await p.waitForURL(`**/sharing/${id}`);
    expect(await textOf(p, 'approval-progress')).toBe('0 of 1');
    await p.getByRole('button', { name: 'Approve' }).click();
    await p.getByRole('dialog').getByLabel('Comment').fill('Crash logs only, under consent (e2e).');
    await screenshot(p, '55-sharing-approve-dialog');
    await confirmDialog(p, 'Approve', 'the arrangement becomes approved');
    await p.getByText('Approve: done.').waitFor();
    expect(await textOf(p, 'approval-progress')).toBe('1 of 1');
    const { sharingArrangement } = await gql<{ sharingArrangement: { status: string; approvals: { comment: string }[] } }>(
      p,
      'query($id: ID!) { sharingArrangement(id: $id) { status approvals { comment } } }',
      { id },
    );
    expect(sharingArrangement).toEqual({ status: 'APPROVED', approvals: [{ comment: 'Crash logs only, under consent (e2e).' }] });
    await officer.context.close();
  });
});
