import type { Page } from 'playwright-core';
import { DEMO, choose, clickAndToast, closeOptions, gql, screenshot, signedIn, typeTags, useBrowser } from './support/browser';

// Every field of an item, as the API returns it: what a save must keep.
const location = { dataCategory: 'device.location', purposes: ['service.provide'], source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION' as string | null, legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', publiclyVisible: false, dataSubjects: ['drivers'] };
type Item = typeof location;
const logs: Item = { dataCategory: 'device.log', purposes: ['service.improve'], source: 'AUTOMATIC', devicePermission: null, legalBasis: 'LEGITIMATE_INTEREST', retentionDays: 400, encryption: 'IN_TRANSIT', publiclyVisible: false, dataSubjects: ['drivers', 'passengers'] };

const INVENTORY = `query($k: String!) { service(key: $k) { inventoryVersion team { key } inventory {
  dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects } } }`;

/** Fills the inventory item form, every field, through the page. */
async function fillItem(page: Page, item: Item, sourceLabel: string, legalBasisLabel: string, encryptionLabel: string) {
  const form = page.getByRole('form', { name: /Add an item|Edit item/ });
  await choose(page, 'Data category', new RegExp(`^${item.dataCategory.replace('.', '\\.')} ·`), item.dataCategory);
  for (const purpose of item.purposes) await choose(page, 'Purposes', new RegExp(`^${purpose.replace('.', '\\.')} ·`));
  await closeOptions(page);
  await choose(page, 'Source', sourceLabel);
  if (item.devicePermission) await form.getByLabel('Device permission').fill(item.devicePermission);
  await choose(page, 'Legal basis', legalBasisLabel);
  await choose(page, 'Encryption', encryptionLabel);
  await form.getByLabel('Retention (days)').fill(String(item.retentionDays));
  await typeTags(page, 'Data subjects', item.dataSubjects);
}

describe('an engineer registers a service and declares its inventory', () => {
  const browser = useBrowser();

  it('should register, add two items, edit one field of one, keep every other field, and show the findings', async () => {
    // Engineers land on their own teams' services.
    const { context, page } = await signedIn(browser(), DEMO.engineerGeo, '/');
    await page.waitForURL('**/my-services');
    await page.getByRole('heading', { name: 'Geo and maps', level: 3 }).waitFor();
    await page.getByRole('link', { name: 'Maps' }).waitFor();
    await screenshot(page, '40-my-services');

    // Register: errors in words next to the field before anything is sent.
    await page.getByRole('link', { name: 'Register a service' }).click();
    await page.waitForURL('**/services/new?team=geo');
    await page.getByRole('heading', { name: 'Register a service', level: 2 }).waitFor();
    await page.getByLabel('Key').fill('Routes!');
    await page.getByRole('button', { name: 'Register service' }).click();
    await page.getByText('“Routes!” is not a valid key.').waitFor();
    await page.getByLabel('Key').fill('e2e-routes');
    await page.getByLabel('Name').fill('Routes');
    await page.getByLabel('Description').fill('Route planning from the device location (e2e).');
    await screenshot(page, '41-services-new');
    await clickAndToast(page, 'Register service', 'Routes is registered.');
    await page.waitForURL('**/services/e2e-routes?tab=inventory');
    await page.getByText('This service declares no personal data yet.').waitFor();

    // First item; the form checks itself before saving.
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByText('Choose the data category.').waitFor();
    await fillItem(page, location, 'through a device permission', 'consent', 'at rest and in transit');
    await page.getByRole('region', { name: 'Findings after this change' }).waitFor();
    await clickAndToast(page, 'Save item', 'device.location is added to the inventory.');

    // Second item: kept longer than the global policy allows, so the preview shows the finding before saving.
    await page.getByRole('button', { name: 'Add an item' }).click();
    await fillItem(page, logs, 'collected automatically', 'legitimate interest', 'in transit only');
    const preview = page.getByTestId('findings-preview');
    await preview.getByText('RETENTION_EXCEEDED').waitFor();
    expect(await preview.innerText()).toMatch(/\bnew\b/i);
    await screenshot(page, '42-service-inventory-item-form');
    await clickAndToast(page, 'Save item', 'device.log is added to the inventory.');

    const saved = (await gql<{ service: { inventoryVersion: number; inventory: Item[] } }>(page, INVENTORY, { k: 'e2e-routes' })).service;
    expect(saved.inventoryVersion).toBe(2);
    expect(saved.inventory).toEqual(expect.arrayContaining([location, logs]));

    // Edit one field of the first item: retention 30 -> 45. Everything else, data subjects included, stays.
    await page.getByRole('button', { name: 'Edit item 1 (device.location)' }).click();
    const form = page.getByRole('form', { name: 'Edit item 1 (device.location)' });
    expect(await form.getByLabel('Device permission').inputValue()).toBe('LOCATION');
    await form.getByLabel('Retention (days)').fill('45');
    await screenshot(page, '43-service-inventory-edit-item');
    await clickAndToast(page, 'Save item', 'Item 1 (device.location) is saved.');

    const after = (await gql<{ service: { inventoryVersion: number; inventory: Item[] } }>(page, INVENTORY, { k: 'e2e-routes' })).service;
    expect(after.inventoryVersion).toBe(3);
    expect(after.inventory).toHaveLength(2);
    expect(after.inventory.find((i) => i.dataCategory === 'device.location')).toEqual({ ...location, retentionDays: 45 });
    expect(after.inventory.find((i) => i.dataCategory === 'device.log')).toEqual(logs);

    // The findings tab shows what the inventory now breaks.
    await page.getByRole('tab', { name: 'Findings' }).click();
    const findings = page.getByRole('table', { name: /findings?, computed from current data/ });
    await findings.getByText('RETENTION_EXCEEDED').waitFor();
    await screenshot(page, '44-service-findings-after-edit');

    // Details and security measures on the overview tab.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByRole('form', { name: 'Edit Routes' }).getByLabel('Name').fill('Routes and traffic');
    await clickAndToast(page, 'Save details', 'The details of Routes and traffic are saved.');
    await typeTags(page, 'Measures', ['TLS 1.3 in transit']);
    await clickAndToast(page, 'Save measures', 'The security measures are saved.');
    await screenshot(page, '45-service-overview-editable');
    await context.close();
  });

  it('should say so, and change nothing, when someone else changed the inventory first', async () => {
    const { context, page } = await signedIn(browser(), DEMO.engineerGeo, '/services/e2e-routes?tab=inventory');
    await page.getByRole('button', { name: 'Edit item 2 (device.log)' }).click();
    // Meanwhile another editor replaces the inventory (set-up through the API).
    const { service } = await gql<{ service: { inventoryVersion: number; inventory: Item[] } }>(page, INVENTORY, { k: 'e2e-routes' });
    await gql(page, `mutation($items: [InventoryItemInput!]!, $v: Int) { setInventory(serviceKey: "e2e-routes", items: $items, expectedVersion: $v) { key } }`, {
      items: service.inventory.map((i) => ({ ...i, retentionDays: i.dataCategory === 'device.log' ? 180 : i.retentionDays })),
      v: service.inventoryVersion,
    });
    await page.getByRole('form', { name: /Edit item 2/ }).getByLabel('Retention (days)').fill('90');
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByTestId('stale-inventory').waitFor();
    const now = (await gql<{ service: { inventory: Item[] } }>(page, INVENTORY, { k: 'e2e-routes' })).service.inventory;
    expect(now.find((i) => i.dataCategory === 'device.log')?.retentionDays).toBe(180);
    await context.close();
  });
});
