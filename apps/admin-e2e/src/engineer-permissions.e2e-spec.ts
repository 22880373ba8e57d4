import { DEMO, gql, screenshot, signedIn, useBrowser } from './support/browser';
import { pendingSensitiveArrangement } from './support/fixtures';

describe('an engineer', () => {
  const browser = useBrowser();

  it('should see no approve or resolve controls, and cannot reach them by URL', async () => {
    const { context, page } = await signedIn(browser(), DEMO.engineerGeo, '/');

    // Navigation: only what the role can use.
    const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
    expect(nav).toContain('Services');
    expect(nav).not.toContain('Audit log');

    // An arrangement awaiting review and an open conflict to look at (made if the demo data has none).
    const officer = await signedIn(browser(), DEMO.officer, '/');
    await pendingSensitiveArrangement(browser(), officer.page);
    await officer.context.close();
    const { conflicts } = await gql<{ conflicts: { id: string }[] }>(page, '{ conflicts(status: OPEN) { id } }');
    const { sharingArrangements } = await gql<{ sharingArrangements: { id: string }[] }>(page, '{ sharingArrangements(status: PENDING_REVIEW) { id } }');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(sharingArrangements.length).toBeGreaterThan(0);

    for (const conflict of conflicts) {
      await page.goto(`/conflicts/${conflict.id}`);
      await page.getByLabel('Global clause').waitFor();
      expect(await page.getByRole('button', { name: 'Resolve conflict' }).count()).toBe(0);
      expect(await page.getByRole('radio').count()).toBe(0);
      await page.getByText('A privacy officer decides which policy prevails.').waitFor();
    }
    if (conflicts.length) await screenshot(page, '35-engineer-conflict');

    for (const arrangement of sharingArrangements) {
      await page.goto(`/sharing/${arrangement.id}`);
      await page.getByTestId('approval-progress').waitFor();
      expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Reject' }).count()).toBe(0);
    }
    if (sharingArrangements.length) await screenshot(page, '36-engineer-sharing');

    // The audit log by URL: refused in words, no events shown.
    await page.goto('/audit');
    await page.getByText('Not available for your role').waitFor();
    expect(await page.getByRole('button', { name: 'Verify chain' }).count()).toBe(0);
    await context.close();
  });
});
