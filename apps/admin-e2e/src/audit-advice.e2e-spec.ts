import type { Page } from 'playwright-core';
import { DEMO, gql, screenshot, signedIn, textOf, useBrowser } from './support/browser';
import { openConflictOfItsOwn, pendingSensitiveArrangement } from './support/fixtures';

/** Presses Tab until the focused element matches (its accessible text), as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, matches: (text: string) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return `${el.getAttribute('aria-label') ?? ''} ${labelled ?? ''} ${el.tagName === 'BUTTON' ? el.innerText : ''}`.trim();
    });
    if (matches(text)) return;
  }
  throw new Error('tabTo: never reached the element');
}

const seqs = async (page: Page) => {
  const table = page.getByRole('table', { name: /events?( match(es)? the filters)?, (newest|oldest) first/ });
  await table.waitFor();
  return (await table.locator('tbody tr').locator('td:first-child').allInnerTexts()).map(Number).filter((n) => Number.isFinite(n) && n > 0);
};

describe('the auditor view of the audit log', () => {
  const browser = useBrowser();

  it('should list newest first, link entity ids, record a signed tree head and verify its consistency after more events', async () => {
    const { context, page } = await signedIn(browser(), DEMO.auditor, '/audit');
    await page.getByRole('table', { name: /events?, newest first/ }).waitFor();
    const newest = await seqs(page);
    expect(newest.length).toBeGreaterThan(2);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    await screenshot(page, 'i13-audit-newest-first');
    await page.locator('label', { hasText: 'Oldest first' }).click();
    await page.getByRole('table', { name: /events?, oldest first/ }).waitFor();
    const oldest = await seqs(page);
    expect(oldest).toEqual([...oldest].sort((a, b) => a - b));

    // The entity-type filter offers the known types; an id links to its page.
    await page.getByRole('combobox', { name: 'Entity type' }).click();
    await page.getByRole('option', { name: 'service', exact: true }).click();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/entityType=service/);
    await page.getByRole('table', { name: /events? match(es)? the filters, oldest first/ }).waitFor();
    const link = page.getByRole('link', { name: /^Open service / }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/services\//);

    // Record the signed tree head and the chain head.
    await page.getByRole('button', { name: 'Record the signed tree head' }).click();
    const recorded = await textOf(page, 'tree-head-json');
    const head = JSON.parse(recorded) as { treeSize: number; rootHash: string };
    expect(head.treeSize).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const chain = /Head: event (\d+), hash ([0-9a-f]{64})/.exec(await textOf(page, 'verify-result'))!;
    await screenshot(page, 'i13-audit-tree-head-recorded');

    // More events: an officer creates an API token (audited).
    const officer = await signedIn(browser(), DEMO.officer, '/');
    await gql(officer.page, 'mutation { createApiToken(name: "i13 audit head e2e") { token } }');
    await gql(officer.page, 'mutation { createApiToken(name: "i13 audit head e2e 2") { token } }');
    await officer.context.close();

    // Later: paste the recorded tree head; the consistency proof is fetched and checked in the browser.
    const form = page.getByRole('form', { name: 'A signed tree head recorded earlier' });
    await form.getByRole('textbox').fill(recorded);
    await form.getByRole('button', { name: 'Verify consistency' }).click();
    const verdict = form.getByRole('status');
    await verdict.getByText(/Verified in this browser/).waitFor();
    const text = await verdict.innerText();
    expect(text).toContain(`extends the recorded head of ${head.treeSize} events`);
    expect(Number(/the log of (\d+) events/.exec(text)![1])).toBeGreaterThanOrEqual(head.treeSize + 2);

    // A forged head (another root at the same size) does not verify.
    await form.getByRole('textbox').fill(JSON.stringify({ ...head, rootHash: head.rootHash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
    await form.getByRole('button', { name: 'Verify consistency' }).click();
    await form.getByText('The log does not extend the recorded head').waitFor();

    // The chain head recorded before: the log still extends it.
    const chainForm = page.getByRole('form', { name: 'A chain head recorded earlier' });
    await chainForm.getByRole('textbox').fill(JSON.stringify({ seq: Number(chain[1]), hash: chain[2] }));
    await chainForm.getByRole('button', { name: 'Check the recorded head' }).click();
    await chainForm.getByText(`The log still extends the recorded head: event ${chain[1]} keeps the recorded hash`, { exact: false }).waitFor();
    await screenshot(page, 'i13-audit-consistency-verified');
    await context.close();
  });
});

describe('the notice advice when publishing a reducing draft', () => {
  const browser = useBrowser();

  it('should say a notice dated before the draft cannot count, and never suggest a notice date in the past', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/policies');
    const { policy } = await gql<{ policy: { draft: { number: number; materialReduction: boolean; createdAt: string } | null } }>(
      page,
      '{ policy(key: "general") { draft { number materialReduction createdAt } } }',
    );
    // notices-journey (run before) leaves a reducing draft of the global policy.
    expect(policy.draft?.materialReduction).toBe(true);
    await page.goto(`/policies/general?version=${policy.draft!.number}`);
    const panel = page.getByRole('region', { name: 'Publish' });
    await panel.waitFor();
    await panel.getByRole('checkbox', { name: 'e-mail to users' }).check();
    const noticeSent = panel.getByRole('textbox', { name: /Notice sent/ });
    await noticeSent.fill('2020-01-01 10:00');
    await noticeSent.press('Tab');
    const effective = panel.getByRole('textbox', { name: /Takes effect/ });
    await effective.fill('2099-01-01 10:00');
    await effective.press('Tab');
    const requirement = panel.getByTestId('notice-requirement');
    await requirement.getByText(/A notice sent on 2020-01-01 cannot count: this draft was only created on/).waitFor();
    await screenshot(page, 'i13-notice-before-draft');

    // A notice sent after the draft was created and an effective date too early: the earliest date is given, no notice date in the past is.
    const sent = Math.ceil((Date.parse(policy.draft!.createdAt) + 1) / 60_000) * 60_000;
    if (sent > Date.now()) await page.waitForTimeout(sent - Date.now() + 1_000);
    await noticeSent.fill(new Date(sent).toISOString().slice(0, 16).replace('T', ' '));
    await noticeSent.press('Tab');
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await effective.fill(`${soon} 10:00`);
    await effective.press('Tab');
    await requirement.getByText(/The effective date is too early/).waitFor();
    expect(await requirement.innerText()).not.toContain('send the notice by');
    await screenshot(page, 'i13-notice-too-early');
    await context.close();
  });

  it('should warn when the chosen effective date means the scheduled version never takes effect, and not after it', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/policies');
    type Version = { number: number; status: string; inForceFrom: string | null };
    const { policy } = await gql<{ policy: { draft: { number: number } | null; versions: Version[] } }>(
      page,
      '{ policy(key: "general") { draft { number } versions { number status inForceFrom } } }',
    );
    // The demo schedules general v2 45 days ahead; notices-journey leaves a draft after it.
    const scheduled = policy.versions.find((v) => v.status === 'PUBLISHED' && v.inForceFrom && Date.parse(v.inForceFrom) > Date.now())!;
    expect(scheduled).toBeDefined();
    await page.goto(`/policies/general?version=${policy.draft!.number}`);
    const panel = page.getByRole('region', { name: 'Publish' });
    const effective = panel.getByRole('textbox', { name: /Takes effect/ });
    const day = (offset: number) => new Date(Date.parse(scheduled.inForceFrom!) + offset * 86_400_000).toISOString().slice(0, 10);

    // Before the scheduled version: it would never apply, and the panel says which and until when to wait.
    await effective.fill(`${day(-10)} 10:00`);
    await effective.press('Tab');
    const warning = panel.getByTestId('never-in-force');
    await warning.getByText(`Version ${scheduled.number} is scheduled to take effect on ${scheduled.inForceFrom!.slice(0, 10)}`, { exact: false }).waitFor();
    expect(await warning.innerText()).toContain(`so version ${scheduled.number} would never take effect`);
    await screenshot(page, 'i13-scheduled-version-never-in-force');

    // After it: the scheduled version applies first, nothing to warn about.
    await effective.fill(`${day(10)} 10:00`);
    await effective.press('Tab');
    await warning.waitFor({ state: 'detached' });
    await screenshot(page, 'i13-scheduled-version-after');
    await context.close();
  });
});

describe('a conflict resolved by keyboard alone', () => {
  const browser = useBrowser();

  it('should reach the decision, the rationale, the button and the confirmation with Tab, arrow keys and Enter', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/conflicts');
    // Its own conflict: the demo's only OPEN one is resolved earlier in the sequence (conflict-resolution).
    const open = await openConflictOfItsOwn(page);
    await page.goto(`/conflicts/${open.id}`);
    await page.getByRole('form', { name: 'Resolve conflict' }).waitFor();
    await tabTo(page, (t) => /Service policy prevails|Global policy prevails/.test(t));
    // Arrow keys move within the radio group; Global prevails needs no notice reminder.
    for (let i = 0; i < 2 && !(await page.getByLabel(/Global policy prevails/).isChecked()); i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(/Global policy prevails/).isChecked()).toBe(true);
    await tabTo(page, (t) => t.includes('Rationale'));
    await page.keyboard.type('The global value protects users; the service keeps to it (keyboard e2e).');
    await tabTo(page, (t) => t === 'Resolve conflict');
    await screenshot(page, 'i13-conflict-keyboard-form');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    // The confirm button has the focus: Enter confirms.
    await page.keyboard.press('Enter');
    await page.getByText(/Resolved: global prevails/i).waitFor();
    await screenshot(page, 'i13-conflict-keyboard-resolved');
    await context.close();
  });
});

describe('a sharing decision by keyboard alone', () => {
  const browser = useBrowser();

  /** Tab to Approve, Enter; the dialog's confirm button has the focus, Enter again. */
  async function approveByKeyboard(page: Page, id: string): Promise<void> {
    await page.goto(`/sharing/${id}`);
    await page.getByRole('region', { name: 'Decision' }).waitFor();
    await tabTo(page, (t) => t === 'Approve');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  it('should approve with two officers by keyboard, and show the first the separation-of-duties check from its side', async () => {
    const first = await signedIn(browser(), DEMO.officer, '/sharing');
    const pending = await pendingSensitiveArrangement(browser(), first.page);
    await approveByKeyboard(first.page, pending.id);
    const checks = first.page.getByRole('list', { name: 'Checks' });
    await checks.getByText('you approved this arrangement already: the next approval must come from another officer').waitFor();

    const second = await signedIn(browser(), DEMO.officer2, '/sharing');
    await approveByKeyboard(second.page, pending.id);
    await second.page.getByText('APPROVED').first().waitFor();
    await second.context.close();

    // Approved: the officer who approved first is told so, and sees no failed check.
    await first.page.reload();
    await checks.getByText('you approved this arrangement; separation of duties was checked when you did').waitFor();
    expect(await checks.innerText()).not.toContain('failed');
    await screenshot(first.page, 'i13-sharing-approved-sod-viewer-side');
    await first.context.close();
  });
});
