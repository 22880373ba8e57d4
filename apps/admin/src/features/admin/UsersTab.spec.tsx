import { screen, waitFor, within } from '@testing-library/react';
import { AdminUsersQueryDocument, DeactivateUserMutation, UsersTab } from './UsersTab';
import { renderPage } from '../../testing/render';
import type { Viewer } from '../../app/session';
import { allowTypingTime, repeatedQuery } from '../../testing/fixtures';

const admin: Viewer = { __typename: 'User', id: 'u-admin', email: 'admin@canopy.demo', name: 'Ada Admin', roles: ['ADMIN'], teams: [] };
const user = (id: string, email: string, name: string, roles: string[], active = true) => ({ __typename: 'User' as const, id, email, name, roles, active, teams: [] });
const list = repeatedQuery(AdminUsersQueryDocument, { users: [user('u-admin', 'admin@canopy.demo', 'Ada Admin', ['ADMIN']), user('u-eng', 'eng@canopy.demo', 'Eve Engineer', ['ENGINEER'])], teams: [] });

allowTypingTime();

describe('UsersTab', () => {
  it('should say what a new user lacks, next to each field', async () => {
    const { user: u } = renderPage(<UsersTab />, { viewer: admin, mocks: [list] });
    await u.click(await screen.findByRole('button', { name: 'Create a user' }));
    await u.click(screen.getByRole('button', { name: 'Create user' }));
    const form = screen.getByRole('form', { name: 'Create a user' });
    expect(within(form).getByRole('textbox', { name: /E-mail/ })).toHaveAccessibleDescription(expect.stringContaining('Enter the e-mail address the person signs in with.'));
    expect(within(form).getByText('Choose at least one role.')).toBeInTheDocument();
  });

  it('should deactivate only after a confirmation, and never offer it on oneself', async () => {
    const deactivate = jest.fn(() => ({ data: { deactivateUser: { __typename: 'User', id: 'u-eng', active: false } } }));
    const { user: u } = renderPage(<UsersTab />, { viewer: admin, mocks: [list, { request: { query: DeactivateUserMutation, variables: { email: 'eng@canopy.demo' } }, result: deactivate }] });
    await u.click(await screen.findByRole('button', { name: 'Deactivate eng@canopy.demo' }));
    expect(screen.queryByRole('button', { name: 'Deactivate admin@canopy.demo' })).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Eve Engineer?' });
    expect(dialog).toHaveTextContent('their API tokens and sessions are revoked at once');
    expect(deactivate).not.toHaveBeenCalled();
    await u.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(deactivate).toHaveBeenCalledTimes(1));
    expect(await screen.findByText(/eng@canopy.demo is deactivated/)).toBeInTheDocument();
  });
});
