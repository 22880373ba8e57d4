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

describe('PublishPanel advice', () => {
  const published = [
    { number: 1, inForceFrom: '2026-01-01T00:00:00.000Z' },
    { number: 2, inForceFrom: '2099-03-01T00:00:00.000Z' },
  ];

  it('should warn when the chosen effective date means a scheduled version never takes effect', async () => {
    const { user } = renderPage(
      <PublishPanel policyKey="general" number={3} materialReduction={false} weakened={[]} noticePeriod={{ days: 30, source: 'AMENDMENT_CLAUSE' }} published={published} onPublished={jest.fn()} />,
    );
    const field = screen.getByRole('textbox', { name: /Takes effect/ });
    await user.type(field, '2099-02-01 10:00');
    const warning = await screen.findByTestId('never-in-force');
    expect(warning).toHaveTextContent('A scheduled version would never take effect');
    expect(warning).toHaveTextContent('Version 2 is scheduled to take effect on 2099-03-01 00:00 UTC');
    expect(warning).toHaveTextContent('version 3 comes first and replaces it, so version 2 would never take effect');
    await user.clear(field);
    await user.type(field, '2099-04-01 10:00');
    await waitFor(() => expect(screen.queryByTestId('never-in-force')).not.toBeInTheDocument());
  });

  it('should say a notice sent before the draft existed cannot count', async () => {
    const { user } = renderPage(
      <PublishPanel
        policyKey="general"
        number={3}
        materialReduction
        weakened={['RETENTION device.log']}
        noticePeriod={{ days: 30, source: 'AMENDMENT_CLAUSE' }}
        draftCreatedAt="2026-11-20T08:00:00.000Z"
        onPublished={jest.fn()}
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'e-mail to users' }));
    await user.type(screen.getByRole('textbox', { name: /Notice sent/ }), '2026-09-01 10:00');
    await user.type(screen.getByRole('textbox', { name: /Takes effect/ }), '2099-01-01 10:00');
    const requirement = screen.getByTestId('notice-requirement');
    await waitFor(() => expect(requirement).toHaveTextContent('A notice sent on 2026-09-01 cannot count: this draft was only created on 2026-11-20'));
    expect(requirement).not.toHaveTextContent('meet the rule');
  });
});
