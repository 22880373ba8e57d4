import type { Page } from 'playwright-core';
import { DEMO, clickAndToast, screenshot, signedIn, useBrowser } from './support/browser';

/** The new pages not walked by a journey: they open by URL, say nothing went wrong, and are screenshotted. */
describe('the other new pages', () => {
  const browser = useBrowser();

  const noError = async (page: Page) => expect(await page.getByRole('alert').filter({ hasText: /could not|went wrong|cannot reach/i }).count()).toBe(0);

  it('should let an officer extend the taxonomy, with the domain rules said next to the key', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/taxonomy');
    await page.getByRole('heading', { name: 'Taxonomy', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Add a data category' }).click();
    const form = page.getByRole('form', { name: 'Add a data category' });
    await form.getByLabel('Key').fill('user.nothing.here');
    await form.getByLabel('Name').fill('Nothing');
    await form.getByRole('button', { name: 'Add data category' }).click();
    await form.getByText('Its parent “user.nothing” is not a data category yet: add the parent first.').waitFor();
    await form.getByLabel('Key').fill('user.contact.fax');
    await form.getByLabel('Name').fill('Fax number');
    await screenshot(page, '65-taxonomy-add-category');
    await clickAndToast(page, 'Add data category', 'The data category user.contact.fax is added.', form);
    await page.getByRole('cell', { name: 'user.contact.fax', exact: true }).waitFor();
    await noError(page);
    await context.close();
  });

  it('should let the owning engineer create its service policy and open the draft editor', async () => {
    const { context, page } = await signedIn(browser(), DEMO.engineerGeo, '/services/e2e-routes');
    await page.getByRole('button', { name: 'Create a service policy' }).click();
    await screenshot(page, '66-service-policy-create');
    await clickAndToast(page, 'Create and draft', 'is created: draft its first version.');
    await page.waitForURL('**/policies/e2e-routes-policy?edit=1');
    await page.getByRole('region', { name: 'Draft editor' }).waitFor();
    await page.getByRole('button', { name: 'Add clause' }).click();
    await page.getByRole('combobox', { name: 'Subject of clause 1' }).fill('device.log');
    await page.getByRole('combobox', { name: 'Topic of clause 1' }).click();
    await page.getByRole('option', { name: 'RETENTION' }).click();
    await page.getByRole('combobox', { name: /Value of clause 1/ }).fill('400');
    await clickAndToast(page, 'Save draft', /Draft v1 is saved/);
    await page.getByText('A privacy officer publishes drafts.').waitFor();
    await screenshot(page, '67-service-policy-draft');
    await noError(page);
    await context.close();
  });

  it('should show an auditor no editing controls on the new pages, and refuse the admin page by URL', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/services/maps?tab=inventory');
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('button', { name: 'Add an item' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit item/ }).count()).toBe(0);
    await page.goto('/processors/new');
    await page.getByText('Not available for your role').waitFor();
    await page.goto('/admin');
    await page.getByText('Not available for your role').waitFor();
    await screenshot(page, '68-auditor-refused-admin');
    await context.close();
  });
});
