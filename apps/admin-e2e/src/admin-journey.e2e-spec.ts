import { DEMO, choose, clickAndToast, closeOptions, confirmDialog, gql, screenshot, signedIn, toast, useBrowser } from './support/browser';

interface Token {
  id: string;
  name: string;
  revokedAt: string | null;
}

describe('an admin manages access', () => {
  const browser = useBrowser();

  it('should create a user, create a token shown once, and revoke it after confirming', async () => {
    const { context, page } = await signedIn(browser(), DEMO.admin, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users and tokens' }).click();
    await page.waitForURL('**/admin');

    // Create a user: the form says what is missing, next to each field.
    await page.getByRole('button', { name: 'Create a user' }).click();
    const form = page.getByRole('form', { name: 'Create a user' });
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('Choose at least one role.').waitFor();
    await form.getByLabel('E-mail').fill('rita.routes@canopy.demo');
    await form.getByLabel('Name').fill('Rita Routes');
    await form.getByRole('checkbox', { name: 'Engineer' }).check();
    await choose(page, 'Teams', 'Geo and maps (geo)');
    await closeOptions(page);
    await screenshot(page, '60-admin-create-user');
    await clickAndToast(page, 'Create user', 'Rita Routes (rita.routes@canopy.demo) is created.', form);
    await page.getByRole('cell', { name: 'rita.routes@canopy.demo', exact: true }).waitFor();
    const { users } = await gql<{ users: { email: string; roles: string[]; active: boolean; teams: { key: string }[] }[] }>(page, '{ users { email roles active teams { key } } }');
    expect(users.find((u) => u.email === 'rita.routes@canopy.demo')).toEqual({ email: 'rita.routes@canopy.demo', roles: ['ENGINEER'], active: true, teams: [{ key: 'geo' }] });
    await screenshot(page, '61-admin-users');

    // A token for the new user, shown once with a copy button.
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await choose(page, 'Tokens of', /Rita Routes/);
    await page.getByRole('button', { name: 'Create a token' }).click();
    await page.getByLabel('Token name').fill('CI for routes');
    await clickAndToast(page, 'Create token', 'Token CI for routes is created: copy it now.');
    const shown = (await page.getByTestId('new-token').innerText()).trim();
    expect(shown.length).toBeGreaterThanOrEqual(16);
    await page.getByRole('button', { name: 'Copy token' }).waitFor();
    await screenshot(page, '62-admin-token-created');

    // The token works (checked outside the page), then is revoked after a confirmation that says what happens.
    const whoAmI = await page.evaluate(async (token) => {
      const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { email } }' }) });
      return r.json();
    }, shown);
    expect(whoAmI).toEqual({ data: { viewer: { email: 'rita.routes@canopy.demo' } } });
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByTestId('new-token').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke token CI for routes' }).click();
    await screenshot(page, '63-admin-revoke-token-dialog');
    await confirmDialog(page, 'Revoke token', 'Every script or person using it is refused from now on.');
    await toast(page, 'Token CI for routes is revoked.');
    const { apiTokens } = await gql<{ apiTokens: Token[] }>(page, '{ apiTokens(userEmail: "rita.routes@canopy.demo") { id name revokedAt } }');
    expect(apiTokens).toEqual([expect.objectContaining({ name: 'CI for routes', revokedAt: expect.any(String) })]);
    const refused = await page.evaluate(async (token) => {
      const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { email } }' }) });
      const body = await r.json().catch(() => ({}));
      return r.status === 401 || body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
    }, shown);
    expect(refused).toBe(true);

    // Teams.
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'Create a team' }).click();
    await page.getByRole('form', { name: 'Create a team' }).getByLabel('Key').fill('e2e-logistics');
    await page.getByRole('form', { name: 'Create a team' }).getByLabel('Name').fill('Logistics');
    await clickAndToast(page, 'Create team', 'Team Logistics is created.');
    await page.getByRole('cell', { name: 'e2e-logistics', exact: true }).waitFor();
    await screenshot(page, '64-admin-teams');
    await context.close();
  });
});
