import type { Page } from 'playwright-core';
import { DEMO, confirmDialog, gql, screenshot, signedIn, toast, useBrowser } from './support/browser';
import { ensureProcessor } from './support/fixtures';

const DAY = 24 * 60 * 60 * 1000;
/** A processor inside the home region (DE): its transfer needs no basis, so only DPIA_APPROVED can fail. */
const PROCESSOR = { key: 'e2e-voice-eu', name: 'E2E Voice EU GmbH' };

interface Arrangement {
  id: string;
  status: string;
  version: number;
  checks: { name: string; passed: boolean; blocking: boolean }[];
}

const ARRANGEMENT = `query($id: ID!) { sharingArrangement(id: $id) { id status version checks { name passed blocking } } }`;

/** The GraphQL error code of a refused operation, or null when it went through. */
async function refusal(page: Page, query: string, variables: Record<string, unknown>): Promise<string | null> {
  try {
    await gql(page, query, variables);
    return null;
  } catch (e) {
    return /^([A-Z_]+):/.exec((e as Error).message)?.[1] ?? (e as Error).message;
  }
}

/** At 1024 px the page does not scroll sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Assessments (DESIGN.md section 9) in the console: an officer turns
 * enforcement on; a sensitive sharing of Lens (which needs a DPIA: it serves
 * minors and collects sensitive categories) cannot be approved while no
 * approved DPIA covers Lens (DPIA_APPROVED, CHECKS_FAILED); dpo@ drafts and
 * submits the DPIA, dpo2@ approves it, and then the sharing can be approved.
 * Runs last: enforcement changes what every later check and finding says.
 */
describe('assessments', () => {
  const browser = useBrowser();
  let arrangementId = '';

  beforeAll(async () => {
    // Lens's engineer asks to share the (sensitive) microphone with an EU processor with a valid DPA.
    const officer = await signedIn(browser(), DEMO.officer, '/');
    await ensureProcessor(officer.page, PROCESSOR.key, PROCESSOR.name);
    await officer.context.close();
    const engineer = await signedIn(browser(), DEMO.engineerMobile, '/');
    const { proposeSharing } = await gql<{ proposeSharing: { id: string; version: number } }>(
      engineer.page,
      `mutation($input: ProposeSharingInput!) { proposeSharing(input: $input) { id version } }`,
      { input: { serviceKey: 'lens', processorKey: PROCESSOR.key, dataCategories: ['device.microphone'], purposes: ['service.provide'], legalBasis: 'CONSENT' } },
    );
    await gql(engineer.page, `mutation($id: ID!, $v: Int!) { submitSharing(id: $id, expectedVersion: $v) { id } }`, { id: proposeSharing.id, v: proposeSharing.version });
    await engineer.context.close();
    arrangementId = proposeSharing.id;
  });

  it('should let an officer enforce the assessment rules, after which a sensitive sharing of a service without an approved DPIA cannot be approved', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/organisation');
    await page.getByTestId('enforcement-state').getByText('Not enforced').waitFor();
    // An earlier instant means now.
    await page.getByLabel(/^Enforce from/).fill('2026-01-01 00:00');
    await page.getByLabel(/^Enforce from/).press('Tab');
    await page.getByRole('button', { name: 'Enforce…' }).click();
    await confirmDialog(page, 'Enforce', /is not turned off again/);
    await toast(page, /The assessment rules are enforced from/);
    await page.getByTestId('enforcement-state').getByText(/^Enforced since/).waitFor();
    await context.close();

    // POST-MERGE: needs the sharing checks (and their console labels) of the sharing-assessment-checks branch; DPIA_APPROVED listed, failing and blocking.
    const reviewer = await signedIn(browser(), DEMO.officer2, `/sharing/${arrangementId}`);
    await reviewer.page.getByText('Sensitive data is covered by an approved DPIA: failed').waitFor();
    expect(await reviewer.page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    const { sharingArrangement } = await gql<{ sharingArrangement: Arrangement }>(reviewer.page, ARRANGEMENT, { id: arrangementId });
    expect(sharingArrangement.checks).toEqual(expect.arrayContaining([{ name: 'DPIA_APPROVED', passed: false, blocking: true }]));
    // The transfer stays inside the home region: lawful, so DPIA_APPROVED is what blocks.
    expect(sharingArrangement.checks.filter((c) => !c.passed && c.blocking).map((c) => c.name)).toEqual(['DPIA_APPROVED']);
    // Asked anyway, the API refuses it and nothing changes.
    expect(
      await refusal(reviewer.page, `mutation($input: DecideSharingInput!) { approveSharing(input: $input) { id } }`, { input: { id: arrangementId, expectedVersion: sharingArrangement.version } }),
    ).toBe('CHECKS_FAILED');
    await reviewer.context.close();
  });

  it('should let an officer draft and submit a DPIA of a service that requires one, and another officer approve it, at 1024 px and by keyboard', async () => {
    const author = await signedIn(browser(), DEMO.officer, '/services/lens');
    const page = author.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    const panel = page.getByRole('region', { name: 'DPIA requirement' });
    await panel.getByText('DPIA required').waitFor();
    await panel.getByRole('link', { name: 'Start DPIA' }).click();
    await page.waitForURL(/\/assessments\/new\?kind=DPIA&service=lens/);
    await page.getByRole('heading', { name: 'New DPIA · Lens' }).waitFor();

    // Every question is listed, blank; submitting with blanks says which, next to each.
    const answers = page.getByRole('textbox', { name: /^\d+\. / });
    const questions = await answers.count();
    expect(questions).toBeGreaterThan(5);
    await answers.first().fill('Voice recordings and camera frames of users, minors among them.');
    await page.getByRole('button', { name: 'Submit for review…' }).click();
    await page.getByText(`${questions - 1} questions are still blank: each is marked below.`).waitFor();
    expect(await page.getByText('Answer this question: submitting needs every answer.').count()).toBe(questions - 1);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Saving keeps a draft with blanks; the page becomes that draft's.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await toast(page, 'The DPIA of Lens is saved as a draft.');
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await page.getByText('draft', { exact: true }).first().waitFor();
    const draftId = /\/assessments\/([0-9a-f-]{36})$/.exec(page.url())?.[1];

    for (let i = 1; i < questions; i++) await answers.nth(i).fill(`Answer ${i + 1}: documented in the Lens design review.`);
    await page.getByRole('button', { name: 'Add a risk' }).click();
    const risk = page.getByRole('region', { name: 'Risk 1' });
    await risk.getByRole('textbox', { name: /^Risk 1/ }).fill('Voice recordings of minors are kept longer than needed.');
    await risk.getByRole('combobox', { name: 'Likelihood' }).selectOption('MEDIUM');
    await risk.getByRole('combobox', { name: 'Severity' }).selectOption('HIGH');
    await risk.getByRole('combobox', { name: /^Residual risk/ }).selectOption('LOW');
    await risk.getByRole('textbox', { name: /^Mitigation/ }).fill('Recordings deleted after 30 days; encrypted at rest.');
    const due = new Date(Date.now() + 180 * DAY).toISOString().slice(0, 10);
    await page.getByLabel(/^Review due/).fill(due);
    await page.getByLabel(/^Review due/).press('Tab');
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, '90-dpia-editor');

    // Submitting asks first; by keyboard.
    await page.getByRole('button', { name: 'Submit for review…' }).focus();
    await page.keyboard.press('Enter');
    await confirmDialog(page, 'Submit for review', /another privacy officer approves or rejects/);
    await toast(page, 'The DPIA of Lens is submitted: another privacy officer reviews it.');
    const id = /\/assessments\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(id).toBeTruthy();
    // The changes were saved into that draft (saveAssessmentDraft), not into a new one left beside it.
    expect(id).toBe(draftId);
    await page.getByText('in review', { exact: true }).first().waitFor();
    // The author is told why there is nothing to decide, instead of a button the API would refuse.
    await page.getByText('You wrote this assessment').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await author.context.close();

    // Another officer finds it first in the review queue and approves it.
    const reviewer = await signedIn(browser(), DEMO.officer2, '/assessments');
    await reviewer.page.setViewportSize({ width: 1024, height: 768 });
    const firstRow = reviewer.page.getByRole('table').getByRole('row').nth(1);
    await firstRow.getByRole('link', { name: 'Open the DPIA of Lens' }).waitFor();
    expect(await fitsWidth(reviewer.page)).toBe(true);
    await screenshot(reviewer.page, '91-assessment-queue');
    await firstRow.getByRole('link', { name: 'Open the DPIA of Lens' }).focus();
    await reviewer.page.keyboard.press('Enter');
    await reviewer.page.waitForURL(`**/assessments/${id}`);
    await reviewer.page.getByRole('button', { name: 'Approve' }).focus();
    await reviewer.page.keyboard.press('Enter');
    await confirmDialog(reviewer.page, 'Approve', /counts from now until its review date/);
    await toast(reviewer.page, 'The DPIA of Lens is approved.');
    await reviewer.page.getByText('approved', { exact: true }).first().waitFor();
    await reviewer.page.getByText(/Approved by .* \(dpo2@canopy\.demo\)/).waitFor();
    const { assessment } = await gql<{ assessment: { status: string; author: { email: string }; approvals: { approver: { email: string } }[] } }>(
      reviewer.page,
      `query($id: ID!) { assessment(id: $id) { status author { email } approvals { approver { email } } } }`,
      { id },
    );
    expect(assessment).toEqual({ status: 'APPROVED', author: { email: DEMO.officer }, approvals: [{ approver: { email: DEMO.officer2 } }] });
    await reviewer.context.close();
  });

  it('should let the sharing be approved once an approved DPIA covers the service', async () => {
    const reviewer = await signedIn(browser(), DEMO.officer2, `/sharing/${arrangementId}`);
    // POST-MERGE: needs the sharing checks (and their console labels) of the sharing-assessment-checks branch; DPIA_APPROVED listed, now passing.
    await reviewer.page.getByText('Sensitive data is covered by an approved DPIA: passed').waitFor();
    await reviewer.page.getByRole('button', { name: 'Approve' }).click();
    await confirmDialog(reviewer.page, 'Approve', /approval 1 of 2/);
    await toast(reviewer.page, /Approve: done/);
    await reviewer.context.close();
    // The second officer's approval makes it APPROVED.
    const officer = await signedIn(browser(), DEMO.officer, '/');
    const { sharingArrangement } = await gql<{ sharingArrangement: Arrangement }>(officer.page, ARRANGEMENT, { id: arrangementId });
    await gql(officer.page, `mutation($input: DecideSharingInput!) { approveSharing(input: $input) { id } }`, { input: { id: arrangementId, expectedVersion: sharingArrangement.version } });
    const after = await gql<{ sharingArrangement: Arrangement }>(officer.page, ARRANGEMENT, { id: arrangementId });
    expect(after.sharingArrangement.status).toBe('APPROVED');
    await officer.context.close();
  });
});
