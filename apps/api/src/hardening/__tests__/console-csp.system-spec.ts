import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_TOKEN, ApiChild, WORKSPACE } from './system/api-child';

const CONSOLE_INDEX = path.join(WORKSPACE, 'dist', 'apps', 'admin', 'index.html');

/**
 * The Content-Security-Policy against the real console: the Vite build served
 * by the built API, in Chromium. The overview and GraphiQL at /explorer
 * (Monaco editor, its web workers and fonts) must work with no CSP violation.
 */
describe('the console under the Content-Security-Policy', () => {
  let dir: string;
  let api: ApiChild;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_INDEX)) throw new Error(`${CONSOLE_INDEX} is missing: run \`npx nx run admin:build\` (the api:system target depends on it)`);
    dir = mkdtempSync(path.join(tmpdir(), 'canopy-csp-'));
    api = await ApiChild.start(`sqlite:${path.join(dir, 'canopy.sqlite')}`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A context whose pages report every CSP violation and page error. */
  async function watched(signedIn: boolean): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ baseURL: api.url });
    context.setDefaultTimeout(30_000);
    const problems: string[] = [];
    // Browser code as text: this project compiles without the DOM library.
    await context.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));",
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    if (signedIn) {
      const login = await context.request.post('/auth/login', { data: { token: ADMIN_TOKEN } });
      expect(login.status()).toBe(200);
    }
    return { context, page, problems };
  }

  it('should serve the console with the policy, and run it without a violation', async () => {
    const { context, page, problems } = await watched(true);
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto('/services');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('should run GraphiQL at /explorer (editor, workers, a query) without a violation', async () => {
    const { context, page, problems } = await watched(true);
    await page.goto('/explorer');
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.monaco-editor').first().waitFor();
    await page.locator('.graphiql-execute-button').click();
    // A locator, not waitForFunction: Playwright evaluates a string predicate with eval, which this very CSP refuses.
    await page.locator('.graphiql-response').filter({ hasText: 'viewer' }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('should send a visitor without a session from /explorer to the sign-in page', async () => {
    const { context, page, problems } = await watched(false);
    await page.goto('/explorer');
    await page.waitForURL(/\/signin\?next=%2Fexplorer/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
