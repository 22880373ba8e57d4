import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

describe('an auditor taking evidence away', () => {
  const browser = useBrowser();
  const canopy = path.resolve(__dirname, '../../cli/bin/canopy.js');
  const verify = (file: string, key: string) => spawnSync(process.execPath, [canopy, 'evidence', 'verify', file, '--key', key], { encoding: 'utf8', timeout: 60_000 });

  it('should download a bundle and the key from the audit page, and the CLI should verify it offline and refuse it tampered', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/audit');
    const dir = mkdtempSync(path.join(tmpdir(), 'canopy-e2e-bundle-'));
    await page.setViewportSize({ width: 1024, height: 768 });

    const bundleLink = page.getByRole('link', { name: 'Download the evidence bundle' });
    await bundleLink.scrollIntoViewIfNeeded();
    const [bundle] = await Promise.all([page.waitForEvent('download'), bundleLink.click()]);
    expect(bundle.suggestedFilename()).toMatch(/^canopy-evidence-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}Z\.jsonl$/);
    await page.getByText('Download started').waitFor();
    const bundleFile = path.join(dir, bundle.suggestedFilename());
    await bundle.saveAs(bundleFile);
    await screenshot(page, '37b-audit-evidence-bundle');

    const [key] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'the public key' }).click()]);
    const keyFile = path.join(dir, 'canopy-audit-key.pem');
    await key.saveAs(keyFile);
    expect(readFileSync(keyFile, 'utf8')).toContain('BEGIN PUBLIC KEY');

    const verified = verify(bundleFile, keyFile);
    expect({ status: verified.status, stderr: verified.stderr }).toEqual({ status: 0, stderr: expect.any(String) });

    // One changed character in a record: the same command refuses the file.
    const lines = readFileSync(bundleFile, 'utf8').split('\n');
    const record = lines.findIndex((line) => line.includes('"kind":"record"') && line.includes('"maps"'));
    expect(record).toBeGreaterThan(0);
    lines[record] = lines[record].replace('"maps"', '"mapz"');
    const tampered = path.join(dir, 'tampered.jsonl');
    writeFileSync(tampered, lines.join('\n'));
    expect(verify(tampered, keyFile).status).toBe(1);
    await context.close();
  });

  it('should not offer a bundle of the future', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/audit');
    const asOf = page.getByLabel(/^As of/);
    await asOf.fill(`${new Date().getUTCFullYear() + 1}-01-01 00:00`);
    await asOf.press('Tab');
    await page.getByText(/in the future: a bundle can only prove what was already recorded/).waitFor();
    expect(await page.getByText('Download the evidence bundle').evaluate((a) => a.getAttribute('href'))).toBeNull();
    await context.close();
  });
});
