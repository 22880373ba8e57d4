import type { Browser, Page } from 'playwright-core';
import { DEMO, gql, launchChromium, screenshot, signedIn } from './support/browser';
import { pendingSensitiveArrangement } from './support/fixtures';

/** Every main screen opens by URL (surviving a reload), shows its heading and no error; a screenshot of each. */
describe('main screens', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    ({ page } = await signedIn(browser, DEMO.officer, '/'));
    // Processors and arrangements to show, when the demo data has none.
    await pendingSensitiveArrangement(browser, page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const visit = async (path: string, heading: string | RegExp, name: string) => {
    await page.goto(path);
    await page.getByRole('heading', { name: heading, level: 2 }).first().waitFor();
    await page.reload();
    await page.getByRole('heading', { name: heading, level: 2 }).first().waitFor();
    await page.getByText(/Loading|Computing|Measuring/).first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
    const errors = await page.getByRole('alert').filter({ hasText: /could not|went wrong|cannot reach/i }).count();
    await screenshot(page, name);
    expect(errors).toBe(0);
  };

  it('should show the overview', async () => {
    await visit('/overview', 'Overview', '02-overview');
    expect(await page.getByTestId('count-services').innerText()).toMatch(/\d+/);
  });

  it('should show the services table, searchable', async () => {
    await visit('/services', 'Services', '03-services');
    await page.getByLabel('Search').fill('map');
    await page.waitForURL(/q=map/);
    await page.getByText('1 service matches the filters').waitFor();
    await page.getByRole('link', { name: 'Maps' }).waitFor();
    expect(await page.getByRole('link', { name: 'Lens' }).count()).toBe(0);
  });

  it('should show a service page with its tabs', async () => {
    await visit('/services/maps', 'Maps', '04-service-overview');
    for (const [tab, name] of [
      ['inventory', '05-service-inventory'],
      ['policy', '06-service-effective-policy'],
      ['conflicts', '07-service-conflicts'],
      ['sharing', '08-service-sharing'],
      ['findings', '09-service-findings'],
      ['history', '10-service-history'],
    ]) {
      await visit(`/services/maps?tab=${tab}`, 'Maps', name);
    }
  });

  it('should show the conflicts queue and a conflict', async () => {
    await visit('/conflicts', 'Conflicts', '11-conflicts');
    const { conflicts } = await gql<{ conflicts: { id: string }[] }>(page, '{ conflicts { id } }');
    expect(conflicts.length).toBeGreaterThan(0);
    await visit(`/conflicts/${conflicts[0].id}`, /.+/, '12-conflict');
  });

  it('should show the sharing queue and an arrangement', async () => {
    await visit('/sharing', 'Sharing', '13-sharing');
    const { sharingArrangements } = await gql<{ sharingArrangements: { id: string }[] }>(page, '{ sharingArrangements { id } }');
    expect(sharingArrangements.length).toBeGreaterThan(0);
    await visit(`/sharing/${sharingArrangements[0].id}`, /→/, '14-sharing-arrangement');
  });

  it('should show processors and a processor with its DPA state', async () => {
    await visit('/processors', 'Processors', '15-processors');
    const { processors } = await gql<{ processors: { key: string; name: string }[] }>(page, '{ processors { key name } }');
    expect(processors.length).toBeGreaterThan(0);
    await visit(`/processors/${processors[0].key}`, processors[0].name, '16-processor');
    await page.getByText('Data-processing agreement:').waitFor();
  });

  it('should show policies, a version diff and the draft editor', async () => {
    await visit('/policies', 'Policies', '17-policies');
    await visit('/policies/general', /general/i, '18-policy');
    await page.getByRole('table', { name: 'Versions' }).waitFor();
    await visit('/policies/general?version=2', /general/i, '19-policy-version-diff');
    await page.getByRole('button', { name: /New draft|Edit draft/ }).click();
    await page.getByRole('region', { name: 'Draft editor' }).waitFor();
    await screenshot(page, '20-policy-draft-editor');
  });

  it('should show the audit log', async () => {
    await visit('/audit', 'Audit log', '21-audit');
  });

  it('should show the findings', async () => {
    await visit('/findings', 'Findings', '22-findings');
  });

  it('should open the explorer and run a query with the session', async () => {
    await page.goto('/explorer');
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    // Monaco loads the default query asynchronously: run it once the editor shows it.
    await page.locator('.graphiql-query-editor').filter({ hasText: 'viewer' }).waitFor({ timeout: 30_000 });
    const answer = page.locator('.result-window').filter({ hasText: 'dpo@canopy.demo' });
    for (let attempt = 0; attempt < 3 && !(await answer.isVisible()); attempt++) {
      await page.getByRole('button', { name: /Execute query/i }).first().click();
      await answer.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    // The answer, in GraphiQL's result pane, is the signed-in officer's own.
    await answer.waitFor({ timeout: 1_000 });
    expect(await page.locator('.result-window').innerText()).toContain('PRIVACY_OFFICER');
    await screenshot(page, '23-explorer');
  });
});
