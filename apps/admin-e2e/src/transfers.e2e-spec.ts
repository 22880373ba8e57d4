import { DEMO, choose, confirmDialog, screenshot, signedIn, toast, useBrowser } from './support/browser';

/**
 * Transfers in the console: the what-if for one country, at 1024 px and by
 * keyboard, and an officer recording an adequacy entry. Runs after the
 * journeys (it adds an entry to the register).
 */
describe('transfers', () => {
  const browser = useBrowser();

  it('should show the arrangements that withdrawing adequacy for one country would leave without a basis, grouped under it, and save nothing', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/transfers/what-if');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByText('Nothing is saved and nothing changes').waitFor();
    // The demo's CrashCloud Ltd (GB) rests on the United Kingdom's adequacy decision alone.
    const countries = page.getByRole('textbox', { name: 'Adequacy withdrawn for' }).or(page.getByRole('combobox', { name: 'Adequacy withdrawn for' })).first();
    await countries.fill('United Kingdom');
    await page.getByRole('option', { name: /^GB · / }).first().click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Show the impact' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/withdraw=GB/);
    const gb = page.getByRole('region', { name: 'Affected in GB · United Kingdom' });
    await gb.waitFor();
    const row = gb.getByRole('row', { name: /Lens → CrashCloud Ltd/ });
    await row.waitFor();
    await row.getByText('device.log').waitFor();
    await row.getByRole('cell', { name: 'no', exact: true }).waitFor();
    // The finding that would open, LOW while enforcement is off (a fresh organisation).
    expect(await row.getByRole('cell').last().textContent()).toMatch(/^low\S/);
    expect(await page.getByRole('region', { name: /^Affected in / }).count()).toBe(1);
    // At 1024 px the page does not scroll sideways (the table scrolls inside its box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, '80-transfer-what-if-gb');

    // The United States: its processors in the demo are not DPF-certified and no TIA is kept, so no lawful transfer rests on the decision.
    await page.goto('/transfers/what-if?withdraw=US');
    await page.getByText('No live arrangement would lose the basis of a transfer.').waitFor();

    // Nothing was saved: the register still has the United Kingdom's decision.
    await page.goto('/transfers/adequacy');
    await page.getByRole('table', { name: 'Adequacy decisions' }).getByRole('row', { name: /United Kingdom/ }).waitFor();
    await context.close();
  });

  it('should let an officer record an adequacy entry, with errors next to the fields and a confirmation first', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/transfers/adequacy');
    await page.getByRole('table', { name: 'Adequacy decisions' }).waitFor();
    expect(await page.getByRole('row', { name: /Brazil/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Add an entry' }).click();
    const form = page.getByRole('form', { name: 'Add an entry' });
    await form.getByRole('button', { name: 'Review and record' }).click();
    await form.getByText('Choose a country.').waitFor();
    await form.getByText('Enter the date the decision applies from.').waitFor();
    await choose(page, /^Country/, /^BR · /, 'Brazil');
    await form.getByLabel(/^From \(UTC\)/).fill('2026-01-01 00:00');
    await form.getByLabel(/^From \(UTC\)/).press('Tab');
    await form.getByLabel(/^Until \(UTC\)/).fill('2025-01-01 00:00');
    await form.getByLabel(/^Until \(UTC\)/).press('Tab');
    await form.getByRole('button', { name: 'Review and record' }).click();
    await form.getByText('The end must not be before the start.').waitFor();
    await form.getByRole('button', { name: 'Clear until' }).click();
    await form.getByLabel(/^Note/).fill('e2e: a decision recorded by the browser test');
    await form.getByRole('button', { name: 'Review and record' }).click();
    await screenshot(page, '81-adequacy-confirm');
    await confirmDialog(page, 'Record the entry', /never rewritten/);
    await toast(page, 'The entry for BR · Brazil is recorded.');
    const brazil = page.getByRole('table', { name: 'Adequacy decisions' }).getByRole('row', { name: /Brazil/ });
    await brazil.waitFor();
    await brazil.getByText('e2e: a decision recorded by the browser test').waitFor();
    await brazil.getByText('the whole country').waitFor();
    await screenshot(page, '82-adequacy-recorded');
    await context.close();
  });
});
