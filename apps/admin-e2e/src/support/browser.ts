import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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

/** One Chromium for a describe block: launched before its tests, closed after; call inside `describe`. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is not launched yet');
    return browser;
  };
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

/**
 * A fresh browser context (no cookies) signed in as `email`, left on `path`
 * (on `/`, wherever the role lands: the review queues, the viewer's services
 * or the overview).
 */
export async function signedIn(browser: Browser, email: string, pathname = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser);
  await page.goto(pathname);
  await page.waitForURL(/\/signin/);
  await submitSignIn(page, email);
  if (pathname !== '/') await page.waitForURL((url) => url.pathname === pathname.split('?')[0]);
  else await page.getByRole('heading', { level: 2 }).first().waitFor();
  return { context, page };
}

/** Picks an option of a Mantine Select or MultiSelect found by its label (typing first narrows a long list). */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp, typed?: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label }).or(page.getByRole('textbox', { name: label })).first();
  await field.click();
  if (typed !== undefined) await field.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Types entries into a Mantine TagsInput found by its label, each ended with Enter. */
export async function typeTags(page: Page, label: string | RegExp, values: readonly string[]): Promise<void> {
  const field = page.getByRole('combobox', { name: label }).or(page.getByRole('textbox', { name: label })).first();
  for (const value of values) {
    await field.fill(value);
    await field.press('Enter');
  }
}

/** Closes a Select's or MultiSelect's list without choosing. */
export async function closeOptions(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

/** Clicks the confirm button of the dialog a button opened, after checking what the dialog says. */
export async function confirmDialog(page: Page, button: string | RegExp, says?: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (says) await dialog.getByText(says).first().waitFor();
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Clicks a button (found in `scope`, the page by default) and waits for the notification saying it worked. */
export async function clickAndToast(page: Page, button: string, text: string | RegExp, scope: Page | Locator = page): Promise<void> {
  await scope.getByRole('button', { name: button }).click();
  await toast(page, text);
}

/** The toast that says a save worked. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page.locator('.mantine-Notification-root').filter({ hasText: text }).first().waitFor();
  } catch (error) {
    // What the page showed instead (an error next to a field, an alert): kept for whoever reads the failure.
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-toast-${String(text).replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
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
