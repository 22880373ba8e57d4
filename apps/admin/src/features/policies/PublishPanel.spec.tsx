import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PublishPanel, PublishPolicyVersionMutation } from './PublishPanel';
import { renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

allowTypingTime();

describe('PublishPanel', () => {
  it('should explain that no notice is needed when nothing gets weaker', () => {
    renderPage(<PublishPanel policyKey="general" number={3} materialReduction={false} weakened={[]} noticePeriod={{ days: 30, source: 'AMENDMENT_CLAUSE' }} onPublished={jest.fn()} />);
    expect(screen.getByTestId('notice-requirement')).toHaveTextContent('No notice required');
    expect(screen.queryByText('Notice channels')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish version 3' })).toBeDisabled();
  });

  it('should compute and explain the notice a material reduction needs', () => {
    renderPage(
      <PublishPanel policyKey="general" number={3} materialReduction weakened={['RETENTION device.log']} noticePeriod={{ days: 45, source: 'AMENDMENT_CLAUSE' }} onPublished={jest.fn()} />,
    );
    const requirement = screen.getByTestId('notice-requirement');
    expect(requirement).toHaveTextContent('Notice required');
    expect(requirement).toHaveTextContent('RETENTION device.log get weaker');
    expect(requirement).toHaveTextContent('at least 45 days before it takes effect');
    expect(requirement).toHaveTextContent('Choose at least one channel');
    expect(screen.getByRole('checkbox', { name: 'e-mail to users' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'prominent homepage notice' })).toBeInTheDocument();
  });
});

describe('PublishPanel confirmation', () => {
  it('should ask before publishing, saying when it takes effect, and publish only on confirmation', async () => {
    const publish = jest.fn(() => ({ data: { publishPolicyVersion: { __typename: 'PolicyVersion', id: 'v3', number: 3, status: 'PUBLISHED', effectiveAt: '2027-01-01T10:00:00.000Z', publishedAt: '2026-11-30T10:00:00.000Z' } } }));
    const onPublished = jest.fn();
    renderPage(<PublishPanel policyKey="general" number={3} materialReduction={false} weakened={[]} noticePeriod={{ days: 30, source: 'AMENDMENT_CLAUSE' }} onPublished={onPublished} />, {
      mocks: [{ request: { query: PublishPolicyVersionMutation, variables: { input: { policyKey: 'general', number: 3, effectiveAt: '2027-01-01T10:00:00.000Z' } } }, result: publish }],
    });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Takes effect/ }), '2027-01-01 10:00');
    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 3?' });
    expect(dialog).toHaveTextContent('It takes effect on 2027-01-01 10:00 UTC');
    expect(dialog).toHaveTextContent('can never be changed afterwards');
    expect(publish).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 3' }));
    await waitFor(() => expect(onPublished).toHaveBeenCalledTimes(1));
    expect(publish).toHaveBeenCalledTimes(1);
  });
});
