import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readServerState, SCREENSHOTS } from './server';

export const DEMO_PASSWORD = 'canopy-demo-2026';
export const DEMO = {
  admin: 'admin@canopy.demo',
  officer: 'dpo@canopy.demo',
  officer2: 'dpo2@canopy.demo',
  engineerMobile: 'eng.mobile@canopy.demo',
  engineerGeo: 'eng.geo@canopy.demo',
  engineerMedia: 'eng.media@canopy.demo',
  auditor: 'auditor@canopy.demo',
};

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const baseUrl = () => readServerState().baseUrl;

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/** Fills the sign-in form (the page must show it) and waits for the console's header. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** A fresh browser context (no cookies) signed in as `email`, left on `path`. */
export async function signedIn(browser: Browser, email: string, pathname = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser);
  await page.goto(pathname);
  await page.waitForURL(/\/signin/);
  await submitSignIn(page, email);
  await page.waitForURL((url) => url.pathname === pathname.split('?')[0]);
  return { context, page };
}

/** Runs a GraphQL operation in the page, with its session cookie, for test set-up and look-ups. */
export async function gql<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  const result = body as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (result.errors?.length) throw new Error(result.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
  return result.data as T;
}

/** Full-page screenshot of a main screen, under tmp/e2e-screenshots/ (gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  // Let loaders settle and React Flow fit its view before the picture.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // From the top, so the fixed header is drawn once, where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The text of the first element matching a test id, once it is visible. */
export async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  return (await locator.innerText()).trim();
}
