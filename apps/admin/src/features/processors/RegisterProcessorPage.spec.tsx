import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegisterProcessorMutation, RegisterProcessorPage } from './RegisterProcessorPage';
import { auditor, officer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

function render(mocks: unknown[] = [], viewer = officer) {
  renderPage(<RegisterProcessorPage />, { viewer, mocks: mocks as never[], path: '/processors/new', route: '/processors/new' });
  return userEvent.setup({ delay: null });
}

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Route Analytics GmbH');
  await user.type(screen.getByRole('textbox', { name: /^Key/ }), 'route-analytics');
  await user.type(screen.getByRole('combobox', { name: /^Country/ }), 'Germany');
  await user.click(await screen.findByRole('option', { name: /^DE · / }));
}

allowTypingTime();

describe('RegisterProcessorPage', () => {
  it('should refuse a DPA that expires before it was signed, next to the expiry', async () => {
    const user = render();
    await fillBasics(user);
    await user.type(screen.getByRole('textbox', { name: 'DPA signed (UTC)' }), day(-10));
    await user.type(screen.getByRole('textbox', { name: /DPA expires \(UTC\)/ }), day(-20));
    await user.click(screen.getByRole('button', { name: 'Register processor' }));
    expect(await screen.findByText('The DPA must expire after it was signed.')).toBeInTheDocument();
  });

  it('should ask for the name and country of each sub-processor listed', async () => {
    const user = render();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Add a sub-processor' }));
    await user.click(screen.getByRole('button', { name: 'Register processor' }));
    expect(screen.getByText('Enter the sub-processor’s name.')).toBeInTheDocument();
    expect(screen.getByText('Choose its country.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove sub-processor 1' }));
    expect(screen.queryByText('Choose its country.')).not.toBeInTheDocument();
  });

  it("should put the server's refusal of a sub-processor's field next to that field", async () => {
    const user = render([
      {
        request: { query: RegisterProcessorMutation, variables: () => true },
        result: { errors: [{ message: 'subProcessors[0].name must not be blank.', extensions: { code: 'BAD_USER_INPUT', argument: 'subProcessors[0].name' } }] },
      },
    ]);
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Add a sub-processor' }));
    await user.type(screen.getByRole('textbox', { name: /Sub-processor 1 name/ }), 'Cloud AG');
    await user.type(screen.getByRole('combobox', { name: /Sub-processor 1 country/ }), 'Austria');
    await user.click(await screen.findByRole('option', { name: /^AT · / }));
    await user.click(screen.getByRole('button', { name: 'Register processor' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Sub-processor 1 name/ })).toHaveAccessibleDescription('Must not be blank.'));
  });

  it('should not offer the form to a role that cannot register processors', () => {
    render([], auditor);
    expect(screen.getByText('Not available for your role')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register processor' })).not.toBeInTheDocument();
  });
});
