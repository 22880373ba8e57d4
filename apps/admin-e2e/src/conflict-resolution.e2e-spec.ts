import { DEMO, confirmDialog, gql, screenshot, signedIn, useBrowser } from './support/browser';

interface OpenConflict {
  id: string;
  topic: string;
  subject: string;
  globalValue: string;
  serviceValue: string;
  service: { key: string; name: string };
}

describe('an officer resolves a conflict', () => {
  const browser = useBrowser();

  it('should let the service policy prevail, and the effective policy shows the new value and its source', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/conflicts');
    const { conflicts } = await gql<{ conflicts: OpenConflict[] }>(
      page,
      `{ conflicts(status: OPEN) { id topic subject globalValue serviceValue service { key name } } }`,
    );
    // An open conflict of a pair in force: the service's effective policy holds the global value, pending review.
    let conflict: OpenConflict | undefined;
    for (const candidate of conflicts) {
      const { effectivePolicy } = await gql<{ effectivePolicy: { clauses: { topic: string; subject: string; pendingReview: boolean }[] } }>(
        page,
        `query($key: String!) { effectivePolicy(serviceKey: $key) { clauses { topic subject pendingReview } } }`,
        { key: candidate.service.key },
      );
      if (effectivePolicy.clauses.some((c) => c.topic === candidate.topic && c.subject === candidate.subject && c.pendingReview)) {
        conflict = candidate;
        break;
      }
    }
    expect(conflict).toBeDefined();
    const c = conflict!;

    // The queue lists it; its row opens the detail.
    await page.getByRole('link', { name: `Review conflict ${c.topic} ${c.subject} of ${c.service.name}` }).click();
    await page.waitForURL(`**/conflicts/${c.id}`);
    await page.getByRole('region', { name: 'Global clause' }).or(page.getByLabel('Global clause')).first().waitFor();
    expect(await page.getByLabel('Global clause').innerText()).toContain(c.globalValue);
    expect(await page.getByLabel('Service clause').innerText()).toContain(c.serviceValue);
    expect(await page.getByLabel('What applies now').innerText()).toContain('pending review');

    // A rationale is required, said in words before anything is sent.
    await page.getByLabel(/Service policy prevails/).check();
    await page.getByTestId('notice-reminder').waitFor();
    await page.getByRole('button', { name: 'Resolve conflict' }).click();
    await page.getByText('Explain the decision: a rationale is required.').waitFor();

    await page.getByLabel('Rationale').fill('Crash logs are needed for a year to diagnose rare devices (e2e).');
    await screenshot(page, '30-conflict-resolve-form');
    await page.getByRole('button', { name: 'Resolve conflict' }).click();
    await confirmDialog(page, 'Resolve conflict', /applies to .* from now on/);
    await page.getByText(/Resolved: service prevails/i).waitFor();

    // The effective policy page now shows the service value, from the service policy, explained.
    await page.goto(`/services/${c.service.key}?tab=policy`);
    const row = page.getByTestId(`effective-${c.topic}-${c.subject}`);
    await row.waitFor();
    // A number is shown with its scale's unit (`365 days`).
    expect(await row.getByTestId('effective-value').innerText()).toMatch(new RegExp(`^${c.serviceValue}( days?| years?)?$`));
    const text = await row.innerText();
    expect(text).toContain('service policy');
    expect(text).not.toContain('pending review');
    expect(text).toMatch(/SERVICE_PREVAILS|service prevails/i);
    await screenshot(page, '31-effective-policy-after-resolution');

    // The queue no longer lists it.
    await page.goto('/conflicts');
    await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
    await page.getByText(/open conflict/).first().waitFor();
    expect(await page.getByRole('link', { name: `Review conflict ${c.topic} ${c.subject} of ${c.service.name}` }).count()).toBe(0);
    await context.close();
  });
});
