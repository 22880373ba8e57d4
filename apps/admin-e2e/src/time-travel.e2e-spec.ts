import type { Page } from 'playwright-core';
import { DEMO, gql, screenshot, signedIn, useBrowser } from './support/browser';
import { ensureProcessor, openConflictOfItsOwn } from './support/fixtures';

const item = (dataCategory: string, retentionDays: number) => ({
  dataCategory,
  purposes: ['service.improve'],
  source: 'AUTOMATIC',
  legalBasis: 'LEGITIMATE_INTEREST',
  retentionDays,
  encryption: 'IN_TRANSIT',
  publiclyVisible: false,
});

const setInventory = (page: Page, serviceKey: string, items: unknown[]) =>
  gql(page, 'mutation($key: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $key, items: $items) { key } }', { key: serviceKey, items });

describe('a service as it stood at a past instant', () => {
  const browser = useBrowser();

  it('should show the inventory, effective policy, sharing and findings of then under one banner, and go back to now', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/services');
    // A fresh service: device logs kept 400 days under a service policy of 1000 days, pending review of its conflict
    // (the global 180 days applies, so the inventory exceeds it).
    const { id: conflictId, serviceKey } = await openConflictOfItsOwn(page, 'tt');
    await setInventory(page, serviceKey, [item('device.log', 400)]);
    await page.waitForTimeout(1_500);
    const then = new Date().toISOString();
    await page.waitForTimeout(1_500);
    // Since then: a second item, an arrangement proposed, the conflict resolved for the service.
    await setInventory(page, serviceKey, [item('device.log', 400), item('user.contact', 30)]);
    await ensureProcessor(page, 'e2e-tiles', 'E2E Tiles GmbH', ['ISO 27001']);
    await gql(page, 'mutation($input: ProposeSharingInput!) { proposeSharing(input: $input) { id } }', {
      input: { serviceKey, processorKey: 'e2e-tiles', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'LEGITIMATE_INTEREST' },
    });
    await gql(page, 'mutation($id: ID!) { resolveConflict(input: { conflictId: $id, resolution: SERVICE_PREVAILS, rationale: "Logs kept longer (time travel e2e)." }) { status } }', {
      id: conflictId,
    });

    // Findings read an `at` within 5 s of the server's clock as now (measuredAt): let `then` be older than that.
    await page.waitForTimeout(Math.max(0, Date.parse(then) + 6_000 - Date.now()));
    await page.goto(`/services/${serviceKey}?tab=inventory&at=${encodeURIComponent(then)}`);
    const banner = page.getByTestId('as-of-banner');
    await banner.getByText(/^As of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/).waitFor();
    const inventory = page.getByRole('table', { name: /^The personal data this service declared on / });
    await inventory.getByText('device.log').waitFor();
    expect(await inventory.getByText('user.contact').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add an item' }).count()).toBe(0);
    await screenshot(page, 'i13-time-travel-inventory');

    // Another tab keeps the instant; the banner stays the only one.
    await page.getByRole('tab', { name: 'Effective policy' }).click();
    await page.waitForURL(/tab=policy&at=/);
    const row = page.getByTestId('effective-RETENTION-device.log');
    await row.getByText('pending review', { exact: true }).waitFor();
    expect(await row.getByTestId('effective-value').innerText()).toBe('180 days');
    expect(await row.getByRole('link', { name: 'Conflict (resolved)' }).count()).toBe(0);
    expect(await row.getByRole('link', { name: 'Conflict (open then, resolved since)' }).getAttribute('href')).toBe(`/conflicts/${conflictId}`);
    expect(await page.getByTestId('as-of-banner').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Back to now' }).count()).toBe(1);
    await screenshot(page, 'i13-time-travel-policy');
    // At 1024 pixels the way back is read whole, not clipped to "Back to".
    await page.setViewportSize({ width: 1024, height: 768 });
    const clipped = await page.getByRole('button', { name: 'Back to now' }).evaluate((button) => {
      const label = button.querySelector('.mantine-Button-label') ?? button;
      return label.scrollWidth > label.clientWidth || button.getBoundingClientRect().right > document.documentElement.clientWidth;
    });
    expect(clipped).toBe(false);
    await screenshot(page, 'i13-time-travel-policy-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('tab', { name: 'Sharing' }).click();
    await page.getByText('This service shared no data with processors then.').waitFor();
    expect(await page.getByRole('link', { name: 'Propose sharing' }).count()).toBe(0);
    await screenshot(page, 'i13-time-travel-sharing');

    await page.getByRole('tab', { name: 'Findings' }).click();
    const findings = page.getByRole('table', { name: /measured as things stood on / });
    await findings.getByText('RETENTION_EXCEEDED', { exact: false }).first().waitFor();
    expect(await findings.getByRole('button', { name: /^Accept/ }).count()).toBe(0);
    expect(await page.getByTestId('as-of-banner').count()).toBe(1);
    await screenshot(page, 'i13-time-travel-findings');

    // Back to now: the service policy's value prevails, so the logs no longer exceed it; the banner is gone.
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.waitForURL((url) => !url.searchParams.has('at') && url.searchParams.get('tab') === 'findings');
    await page.getByRole('table', { name: /computed from current data/ }).waitFor();
    expect(await page.getByTestId('as-of-banner').count()).toBe(0);
    expect(await page.getByRole('table', { name: /computed from current data/ }).innerText()).not.toContain('RETENTION_EXCEEDED');
    await page.getByRole('tab', { name: 'Sharing' }).click();
    await page.getByRole('link', { name: /Review sharing from E2E tt-/ }).waitFor();
    await page.getByRole('tab', { name: 'Inventory' }).click();
    await page.getByRole('table', { name: 'The personal data this service collects, why, and how it keeps it' }).getByText('user.contact').waitFor();
    await screenshot(page, 'i13-time-travel-back-to-now');
    await context.close();
  });
});
