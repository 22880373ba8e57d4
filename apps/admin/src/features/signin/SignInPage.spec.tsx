import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInPage } from './SignInPage';
import { parseDemoLogins } from './demo-logins';
import { renderPage } from '../../testing/render';

function answer(status: number, body?: unknown) {
  return Promise.resolve({
    ok: status >= 200 && status < 300,
    status,
    headers: { get: () => (body === undefined ? 'text/html' : 'application/json') },
    json: () => Promise.resolve(body),
  });
}

describe('SignInPage', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('should list the demo accounts when the server runs in demo mode, and fill the form from one', async () => {
    global.fetch = jest.fn(() =>
      answer(200, { password: 'canopy-demo-2026', logins: [{ email: 'dpo@canopy.demo', roles: ['PRIVACY_OFFICER'] }] }),
    ) as unknown as typeof fetch;
    renderPage(<SignInPage />, { viewer: null, path: '/signin', route: '/signin' });
    await userEvent.click(await screen.findByRole('button', { name: 'Use dpo@canopy.demo' }));
    expect(screen.getByRole('textbox', { name: /E-mail/ })).toHaveValue('dpo@canopy.demo');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('canopy-demo-2026');
    expect(screen.getByText('Privacy officer')).toBeInTheDocument();
  });

  it('should show no demo accounts outside demo mode', async () => {
    const fetchMock = jest.fn(() => answer(404));
    global.fetch = fetchMock as unknown as typeof fetch;
    renderPage(<SignInPage />, { viewer: null, path: '/signin', route: '/signin' });
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByText('Demo accounts')).not.toBeInTheDocument();
  });

  it('should say why a sign-in failed', async () => {
    global.fetch = jest.fn(() => answer(404)) as unknown as typeof fetch;
    const signIn = jest.fn(async () => ({ ok: false as const, message: 'Wrong e-mail or password.' }));
    renderPage(<SignInPage />, { viewer: null, path: '/signin?next=/audit', route: '/signin', signIn });
    expect(screen.getByText('Sign in to continue to /audit.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your e-mail address and password.');
    await userEvent.type(screen.getByRole('textbox', { name: /E-mail/ }), 'dpo@canopy.demo');
    await userEvent.type(screen.getByLabelText(/^Password/), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail or password.');
    expect(signIn).toHaveBeenCalledWith({ email: 'dpo@canopy.demo', password: 'nope' });
  });

  it('should sign in with an API token', async () => {
    global.fetch = jest.fn(() => answer(404)) as unknown as typeof fetch;
    const signIn = jest.fn(async () => ({ ok: true as const }));
    renderPage(<SignInPage />, { viewer: null, path: '/signin', route: '/signin', signIn });
    await userEvent.click(screen.getByRole('tab', { name: 'API token' }));
    await userEvent.type(screen.getByLabelText(/^API token/, { selector: 'input' }), 'cnp_secret_token_value');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledWith({ token: 'cnp_secret_token_value' });
  });
});

describe('parseDemoLogins', () => {
  it('should accept one shared password or one per login, and nothing else', () => {
    expect(parseDemoLogins({ password: 'p', logins: [{ email: 'a@x', roles: ['ADMIN'] }] })).toEqual([{ email: 'a@x', roles: ['ADMIN'], password: 'p', name: undefined }]);
    expect(parseDemoLogins([{ email: 'a@x', password: 'q', roles: [] }])[0].password).toBe('q');
    expect(parseDemoLogins({ demo: false, logins: [{ email: 'a@x', password: 'q' }] })).toEqual([]);
    expect(parseDemoLogins('<html>')).toEqual([]);
  });
});
