import { DEMO, newPage, screenshot, submitSignIn, useBrowser } from './support/browser';

describe('sign-in', () => {
  const browser = useBrowser();

  it('should send a signed-out visit to the sign-in page and return to it after', async () => {
    const { context, page } = await newPage(browser());
    await page.goto('/services/maps?tab=history');
    await page.waitForURL(/\/signin\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/services/maps?tab=history');
    await screenshot(page, '01-sign-in');
    await submitSignIn(page, DEMO.engineerGeo);
    await page.waitForURL((url) => url.pathname === '/services/maps' && url.searchParams.get('tab') === 'history');
    await page.getByRole('tab', { name: 'History', selected: true }).waitFor();
    await context.close();
  });

  it('should say in words why a sign-in failed', async () => {
    const { context, page } = await newPage(browser());
    await page.goto('/signin');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(DEMO.officer);
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Could not sign in');
    await context.close();
  });

  it('should show the viewer in the header and sign out', async () => {
    const { context, page } = await newPage(browser());
    await page.goto('/');
    await page.waitForURL(/\/signin/);
    await submitSignIn(page, DEMO.auditor);
    const header = await page.getByTestId('viewer').innerText();
    expect(header).toContain('Aria Auditor');
    expect(header).toContain('Auditor');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.goto('/audit');
    await page.waitForURL(/\/signin\?next=%2Faudit/);
    await context.close();
  });
});
