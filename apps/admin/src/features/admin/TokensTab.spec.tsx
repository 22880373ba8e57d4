import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminTokensQueryDocument, CreateApiTokenMutation, RevokeApiTokenMutation, TokensTab } from './TokensTab';
import { renderPage } from '../../testing/render';
import type { Viewer } from '../../app/session';
import { allowTypingTime } from '../../testing/fixtures';

const admin: Viewer = { __typename: 'User', id: 'u-admin', email: 'admin@canopy.demo', name: 'Ada Admin', roles: ['ADMIN'], teams: [] };
const token = (over: Record<string, unknown> = {}) => ({ __typename: 'ApiToken' as const, id: 'tok1', name: 'CI', createdAt: '2026-11-01T00:00:00.000Z', expiresAt: null, lastUsedAt: null, revokedAt: null, ...over });
const users = [{ __typename: 'User' as const, id: 'u-admin', email: 'admin@canopy.demo', name: 'Ada Admin', active: true }];
const list = (tokens: ReturnType<typeof token>[]) => ({ request: { query: AdminTokensQueryDocument, variables: { userEmail: 'admin@canopy.demo' } }, result: { data: { apiTokens: tokens, users } } });

function render(mocks: unknown[]) {
  renderPage(<TokensTab />, { viewer: admin, mocks: mocks as never[] });
  return userEvent.setup({ delay: null });
}

allowTypingTime();

describe('TokensTab', () => {
  it('should show a new token once, with a copy button, and forget it when dismissed', async () => {
    const user = render([
      list([]),
      { request: { query: CreateApiTokenMutation, variables: { name: 'CI for maps', userEmail: 'admin@canopy.demo', expiresAt: null } }, result: { data: { createApiToken: { __typename: 'ApiTokenCreated', id: 'tok2', name: 'CI for maps', token: 'cnp_secret_0123456789', expiresAt: null } } } },
      list([token({ id: 'tok2', name: 'CI for maps' })]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Create a token' }));
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByRole('textbox', { name: /Token name/ })).toHaveAccessibleDescription(expect.stringContaining('Name the token after what uses it'));
    await user.type(screen.getByRole('textbox', { name: /Token name/ }), 'CI for maps');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByTestId('new-token')).toHaveTextContent('cnp_secret_0123456789');
    expect(screen.getByRole('button', { name: 'Copy token' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByTestId('new-token')).not.toBeInTheDocument();
  });

  it('should revoke a token only after a confirmation that says what happens', async () => {
    const revoke = jest.fn(() => ({ data: { revokeApiToken: true } }));
    const user = render([list([token()]), { request: { query: RevokeApiTokenMutation, variables: { id: 'tok1' } }, result: revoke }, list([token({ revokedAt: '2026-11-30T00:00:00.000Z' })])]);
    await user.click(await screen.findByRole('button', { name: 'Revoke token CI' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke the token “CI”?' });
    expect(dialog).toHaveTextContent('Every script or person using it is refused from now on.');
    expect(revoke).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(revoke).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Token CI is revoked.')).toBeInTheDocument();
  });
});
