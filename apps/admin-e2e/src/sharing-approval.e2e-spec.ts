import { DEMO, confirmDialog, screenshot, signedIn, textOf, useBrowser } from './support/browser';
import { pendingSensitiveArrangement } from './support/fixtures';

describe('two officers approve a sensitive arrangement', () => {
  const browser = useBrowser();

  it('should show "1 of 2" to the first officer and approve on the second', async () => {
    const first = await signedIn(browser(), DEMO.officer, '/sharing');
    const a = await pendingSensitiveArrangement(browser(), first.page);
    await first.page.reload();

    // The queue lists it; the detail marks the sensitive category and lists the checks.
    await first.page.getByRole('link', { name: `Review sharing from ${a.service.name} to ${a.processor.name}` }).first().waitFor();
    await first.page.goto(`/sharing/${a.id}`);
    expect(await textOf(first.page, 'approval-progress')).toBe('0 of 2');
    expect(await first.page.locator('[data-sensitive="true"]').count()).toBeGreaterThan(0);
    await first.page.getByRole('list', { name: 'Checks' }).waitFor();
    await screenshot(first.page, '32-sharing-before-approval');

    await first.page.getByRole('button', { name: 'Approve' }).click();
    await confirmDialog(first.page, 'Approve', 'This is approval 1 of 2');
    await first.page.getByText('Approve: done.').waitFor();
    expect(await textOf(first.page, 'approval-progress')).toBe('1 of 2');
    // Separation of duties: the same officer cannot approve twice.
    expect(await first.page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await screenshot(first.page, '33-sharing-one-of-two');
    await first.context.close();

    const second = await signedIn(browser(), DEMO.officer2, `/sharing/${a.id}`);
    expect(await textOf(second.page, 'approval-progress')).toBe('1 of 2');
    await second.page.getByRole('button', { name: 'Approve' }).click();
    await confirmDialog(second.page, 'Approve', 'This is approval 2 of 2');
    await second.page.getByText('Approve: done.').waitFor();
    expect(await textOf(second.page, 'approval-progress')).toBe('2 of 2');
    await second.page.getByText('approved', { exact: true }).first().waitFor();
    await screenshot(second.page, '34-sharing-approved');
    await second.context.close();
  });
});
