import type { Page } from 'playwright-core';
import { DEMO, clickAndToast, confirmDialog, gql, screenshot, signedIn, toast, useBrowser } from './support/browser';

/** The number of the draft editor's row holding a clause, found by its topic and subject. */
async function clauseRow(page: Page, topic: string, subject: string): Promise<number> {
  const rows = await page.getByRole('table', { name: 'Draft clauses' }).getByRole('row').count();
  for (let n = 1; n < rows; n++) {
    const t = await page.getByRole('textbox', { name: `Topic of clause ${n}`, exact: true }).or(page.getByRole('combobox', { name: `Topic of clause ${n}`, exact: true })).first().inputValue();
    const s = await page.getByRole('combobox', { name: `Subject of clause ${n}`, exact: true }).or(page.getByRole('textbox', { name: `Subject of clause ${n}`, exact: true })).first().inputValue();
    if (t === topic && s === subject) return n;
  }
  throw new Error(`no draft row for ${topic} ${subject}`);
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10) + ' 00:00';

describe('an officer issues a notice of a reducing change', () => {
  const browser = useBrowser();

  it('should set recipients, draft a weaker global clause, issue the notice after its review and show its deliveries, the page then idle', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/services/maps');

    // Notices go to the distribution addresses the service keeps: a malformed one is named next to the field.
    const recipients = page.getByRole('combobox', { name: 'Notice recipients' });
    await recipients.fill('not-an-address');
    await recipients.press('Enter');
    await page.getByRole('button', { name: 'Save recipients' }).click();
    await page.getByText(/"not-an-address"/).waitFor();
    await page.getByRole('button', { name: 'Undo changes' }).click();
    await recipients.fill('privacy@maps.example.com');
    await recipients.press('Enter');
    await clickAndToast(page, 'Save recipients', /Notices of Maps go to .*privacy@maps\.example\.com/);
    await screenshot(page, '80-notice-recipients');

    // A reducing change of the global policy: crash logs kept longer than the scheduled version allows.
    await page.goto('/policies/general');
    await page.getByRole('button', { name: /New draft|Edit draft/ }).click();
    await page.getByRole('region', { name: 'Draft editor' }).waitFor();
    const n = await clauseRow(page, 'RETENTION', 'device.log');
    await page.getByRole('textbox', { name: new RegExp(`^Value of clause ${n} `) }).or(page.getByRole('combobox', { name: new RegExp(`^Value of clause ${n} `) })).first().fill('400');
    await clickAndToast(page, 'Save draft', /Draft v\d+ is saved/);

    // The notices panel of the draft: channels, a planned date, a review dialog, then the deliveries.
    const notices = page.getByRole('region', { name: 'Notices' });
    await notices.waitFor();
    await notices.getByRole('checkbox', { name: 'e-mail to users' }).check();
    const planned = notices.getByLabel('Planned effective date (UTC)');
    await planned.fill(inDays(45));
    await planned.press('Tab');
    await notices.getByRole('button', { name: 'Review and issue the notice' }).click();
    await confirmDialog(page, 'Issue the notice', /device\.log/);
    await toast(page, 'The notice is issued; its e-mails are on their way.');
    const issued = notices.getByTestId('notice').first();
    await issued.getByText('privacy@maps.example.com').waitFor();
    // No SMTP server in this run: the e-mail waits in the outbox, and the panel says so.
    await issued.getByText('PENDING').first().waitFor();
    await screenshot(page, '81-notice-issued');

    // Nothing keeps a connection open: the page settles.
    await page.waitForLoadState('networkidle', { timeout: 10_000 });

    const { notices: all } = await gql<{ notices: { deliveries: { recipient: string; status: string }[] }[] }>(page, '{ notices { deliveries { recipient status } } }');
    expect(all[0].deliveries).toEqual(expect.arrayContaining([{ recipient: 'privacy@maps.example.com', status: 'PENDING' }]));
    await context.close();
  });

  it("should show an admin the outbox with the notice's e-mail, and the webhooks", async () => {
    const { context, page } = await signedIn(browser(), DEMO.admin, '/admin?tab=outbox');
    const outbox = page.getByRole('table', { name: 'Outbound messages' });
    await outbox.getByText('privacy@maps.example.com').first().waitFor();
    await screenshot(page, '82-admin-outbox');
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByLabel('Webhooks').first().waitFor();
    await screenshot(page, '83-admin-webhooks');
    await page.waitForLoadState('networkidle', { timeout: 10_000 });
    await context.close();
  });
});
