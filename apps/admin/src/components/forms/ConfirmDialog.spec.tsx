import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Text } from '@mantine/core';
import { ConfirmButton } from './ConfirmDialog';
import { renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

function renderButton(onConfirm: (reason: string) => Promise<void>, requiredMessage?: string) {
  renderPage(
    <ConfirmButton label="Revoke" title="Revoke this token?" confirmLabel="Revoke token" reason={requiredMessage ? { label: 'Reason', requiredMessage } : undefined} onConfirm={onConfirm}>
      <Text>Scripts using it are refused from now on.</Text>
    </ConfirmButton>,
  );
  return userEvent.setup({ delay: null });
}

allowTypingTime();

describe('ConfirmButton', () => {
  it('should ask first, saying what will happen, and act only on confirmation', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const user = renderButton(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this token?' });
    expect(dialog).toHaveTextContent('Scripts using it are refused from now on.');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith(''));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('should do nothing when cancelled', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const user = renderButton(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('should require the reason when one is recorded, in words next to its field', async () => {
    const onConfirm = jest.fn(async () => undefined);
    const user = renderButton(onConfirm, 'Give a reason to revoke.');
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    expect(within(dialog).getByLabelText(/Reason/)).toHaveAccessibleDescription(expect.stringContaining('Give a reason to revoke.'));
    expect(onConfirm).not.toHaveBeenCalled();
    await user.type(within(dialog).getByLabelText(/Reason/), '  leaked in a log  ');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('leaked in a log'));
  });

  it('should keep the dialog open and say why when the action fails', async () => {
    const user = renderButton(async () => {
      throw new CombinedGraphQLErrors({ errors: [{ message: 'Token t1 does not exist.', extensions: { code: 'NOT_FOUND' } }] });
    });
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    expect(await within(dialog).findByText(/It no longer exists, or the link is wrong\. Token t1 does not exist\./)).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
