import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResolveConflictForm, ResolveConflictMutation } from './ResolveConflictForm';
import { renderPage } from '../../testing/render';

const conflict = { id: 'c1', topic: 'RETENTION', subject: 'device.log', globalValue: '180', serviceValue: '365' };
const input = { conflictId: 'c1', resolution: 'SERVICE_PREVAILS', rationale: 'Crash logs are needed for a year.' };

function renderForm(mocks: Parameters<typeof renderPage>[1] extends infer O ? (O extends { mocks?: infer M } ? M : never) : never = [], onResolved = jest.fn()) {
  renderPage(<ResolveConflictForm conflict={conflict} serviceName="Lens" noticeDays={30} onResolved={onResolved} />, { mocks });
  return { onResolved, user: userEvent.setup() };
}

describe('ResolveConflictForm', () => {
  it('should ask for a decision and a rationale before sending anything', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Resolve conflict' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose which policy prevails.');
    await user.click(screen.getByLabelText(/Global policy prevails/));
    await user.click(screen.getByRole('button', { name: 'Resolve conflict' }));
    expect(screen.getByText('Explain the decision: a rationale is required.')).toBeInTheDocument();
  });

  it('should remind the officer of the notice owed when the service policy prevails', async () => {
    const { user } = renderForm();
    expect(screen.queryByTestId('notice-reminder')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/Service policy prevails: 365 days applies to Lens/));
    expect(screen.getByTestId('notice-reminder')).toHaveTextContent(
      'RETENTION device.log goes from 180 days (global policy) to 365 days (service policy) for users of Lens at once',
    );
    expect(screen.getByTestId('notice-reminder')).toHaveTextContent('30 days ahead');
  });

  it("should show the server's refusal in words", async () => {
    const { user, onResolved } = renderForm([
      {
        request: { query: ResolveConflictMutation, variables: { input } },
        result: { errors: [{ message: 'Only privacy officers resolve conflicts.', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);
    await user.click(screen.getByLabelText(/Service policy prevails/));
    await user.type(screen.getByLabelText(/Rationale/), input.rationale);
    await user.click(screen.getByRole('button', { name: 'Resolve conflict' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Resolve conflict' }));
    const alert = await screen.findByText(/Your role does not allow this\./);
    expect(alert).toHaveTextContent('Only privacy officers resolve conflicts.');
    expect(screen.getByText('The conflict was not resolved')).toBeInTheDocument();
    expect(onResolved).not.toHaveBeenCalled();
  });

  it('should call back once the conflict is resolved', async () => {
    const { user, onResolved } = renderForm([
      {
        request: { query: ResolveConflictMutation, variables: { input } },
        result: {
          data: {
            resolveConflict: {
              __typename: 'PolicyConflict',
              id: 'c1',
              status: 'RESOLVED',
              resolution: 'SERVICE_PREVAILS',
              rationale: input.rationale,
              resolvedAt: '2026-11-29T10:00:00.000Z',
              resolvedBy: { __typename: 'User', id: 'u-dpo', email: 'dpo@canopy.demo', name: 'Dana Officer' },
            },
          },
        },
      },
    ]);
    await user.click(screen.getByLabelText(/Service policy prevails/));
    await user.type(screen.getByLabelText(/Rationale/), input.rationale);
    await user.click(screen.getByRole('button', { name: 'Resolve conflict' }));
    const dialog = await screen.findByRole('dialog', { name: 'Let the service policy prevail for Lens?' });
    expect(dialog).toHaveTextContent('RETENTION device.log = 365 days applies to Lens from now on, in place of the global 180 days.');
    expect(onResolved).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Resolve conflict' }));
    await waitFor(() => expect(onResolved).toHaveBeenCalledTimes(1));
  });
});

describe('ResolveConflictForm for a conflict not yet in force', () => {
  it('should name in each option the value that applies now and the one that will', () => {
    renderPage(<ResolveConflictForm conflict={{ ...conflict, takesEffectAt: '2027-01-15T00:00:00.000Z' }} serviceName="Lens" valueNow="90" noticeDays={30} />);
    expect(screen.getByLabelText('Service policy prevails: from 2027-01-15 365 days applies to Lens (until then 90 days applies, as now)')).toBeInTheDocument();
    expect(screen.getByLabelText('Global policy prevails: from 2027-01-15 180 days applies (until then 90 days applies, as now)')).toBeInTheDocument();
  });
});
