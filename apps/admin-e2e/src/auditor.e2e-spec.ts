import { DEMO, screenshot, signedIn, textOf, useBrowser } from './support/browser';

describe('an auditor', () => {
  const browser = useBrowser();

  it('should see the audit log, read a diff and verify the chain', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/audit');
    const table = page.getByRole('table', { name: /events?, newest first/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);

    // Filters live in the URL.
    await page.getByRole('combobox', { name: 'Entity type' }).click();
    await page.getByRole('option', { name: 'service', exact: true }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/entityType=service/);
    await page.getByRole('button', { name: /Show changes of event/ }).first().click();
    await page.getByRole('table', { name: 'Changes' }).first().waitFor();

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = await textOf(page, 'verify-result');
    expect(result).toContain('The audit chain verifies');
    expect(result).toMatch(/\d+ events? checked/);
    expect(result).toMatch(/Head: event \d+, hash [0-9a-f]{64}/);
    await screenshot(page, '37-audit-verified');
    await context.close();
  });
});
