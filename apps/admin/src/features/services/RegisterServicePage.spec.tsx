import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegisterServiceMutation, RegisterServicePage } from './RegisterServicePage';
import { RegistrableTeamsQuery } from './service-form';
import { engineer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

const team = (key: string, name: string, viewerCanRegisterServices: boolean) => ({ __typename: 'Team' as const, id: `t-${key}`, key, name, viewerCanRegisterServices });
const teams = {
  request: { query: RegistrableTeamsQuery },
  result: { data: { teams: [team('geo', 'Geo and maps', true), team('media', 'Media sharing', false)] } },
};
const input = { key: 'routes', name: 'Routes', teamKey: 'geo', description: null, lifecycle: 'ACTIVE', servesMinors: false };

function render(mocks: unknown[] = []) {
  renderPage(<RegisterServicePage />, { viewer: engineer, mocks: [teams, ...(mocks as never[])], path: '/services/new?team=geo', route: '/services/new' });
  return userEvent.setup({ delay: null });
}

allowTypingTime();

describe('RegisterServicePage', () => {
  it('should offer only the teams the viewer may register into, the one in the URL chosen', async () => {
    render();
    const teamField = await screen.findByRole('combobox', { name: /Team/ });
    expect(teamField).toHaveValue('Geo and maps (geo)');
    await userEvent.click(teamField);
    expect(await screen.findByRole('option', { name: 'Geo and maps (geo)' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Media sharing/ })).not.toBeInTheDocument();
  });

  it('should say what is wrong next to each field before sending anything', async () => {
    const user = render();
    await user.type(await screen.findByRole('textbox', { name: /Key/ }), 'Routes!');
    await user.click(screen.getByRole('button', { name: 'Register service' }));
    expect(screen.getByRole('textbox', { name: /Key/ })).toHaveAccessibleDescription(expect.stringContaining('“Routes!” is not a valid key.'));
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveAccessibleDescription(expect.stringContaining('Enter a name.'));
  });

  it("should put the server's refusal next to the field it names", async () => {
    const user = render([
      {
        request: { query: RegisterServiceMutation, variables: { input } },
        result: { errors: [{ message: 'A service with key "routes" already exists.', extensions: { code: 'BAD_USER_INPUT', argument: 'key' } }] },
      },
    ]);
    await user.type(await screen.findByRole('textbox', { name: /Key/ }), 'routes');
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Routes');
    await user.click(screen.getByRole('button', { name: 'Register service' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Key/ })).toHaveAccessibleDescription(expect.stringContaining('A service with key "routes" already exists.')));
  });

  it('should say it worked and open the new service on its inventory', async () => {
    const user = render([{ request: { query: RegisterServiceMutation, variables: { input } }, result: { data: { registerService: { __typename: 'Service', id: 's9', key: 'routes', name: 'Routes' } } } }]);
    await user.type(await screen.findByRole('textbox', { name: /Key/ }), 'routes');
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Routes');
    await user.click(screen.getByRole('button', { name: 'Register service' }));
    expect(await screen.findByText('Routes is registered.')).toBeInTheDocument();
    expect(await screen.findByTestId('location')).toHaveTextContent('/services/routes?tab=inventory');
  });
});
