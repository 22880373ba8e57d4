import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NoticeSettingsPanel, ServiceNoticeSettingsQuery, SetNoticeRecipientsMutation, SetServicePublicMutation } from './NoticeSettingsPanel';
import { auditor, engineer, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

const service = (over: Record<string, unknown> = {}) => ({
  __typename: 'Service' as const,
  id: 's1',
  key: 'maps',
  name: 'Maps',
  noticeRecipients: ['privacy@maps.example.com'],
  public: false,
  viewerCanEdit: true,
  ...over,
});
const settings = (over: Record<string, unknown> = {}) => ({ request: { query: ServiceNoticeSettingsQuery, variables: { key: 'maps' } }, result: { data: { service: service(over) } } });
const recipientsMock = (recipients: string[], result: unknown) => ({ request: { query: SetNoticeRecipientsMutation, variables: { serviceKey: 'maps', recipients } }, result });

function render(mocks: unknown[], viewer = engineer) {
  renderPage(<NoticeSettingsPanel serviceKey="maps" />, { viewer, mocks: mocks as never[] });
  return userEvent.setup({ delay: null });
}

allowTypingTime();

describe('NoticeSettingsPanel', () => {
  it('should save the recipients and say where notices go now', async () => {
    const saved = { data: { setNoticeRecipients: { __typename: 'Service', id: 's1', key: 'maps', noticeRecipients: ['privacy@maps.example.com', 'legal@maps.example.com'] } } };
    const user = render([settings(), recipientsMock(['privacy@maps.example.com', 'Legal@Maps.example.com'], saved)]);
    const field = await screen.findByRole('combobox', { name: 'Notice recipients' });
    expect(screen.getByRole('button', { name: 'Save recipients' })).toBeDisabled();
    await user.type(field, 'Legal@Maps.example.com{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save recipients' }));
    expect(await screen.findByText('Notices of Maps go to privacy@maps.example.com, legal@maps.example.com.')).toBeInTheDocument();
  });

  it('should name a malformed address next to the field, in plain words', async () => {
    const refused = { errors: [{ message: 'Notice recipients: "bob@" is not an e-mail address.', extensions: { code: 'BAD_USER_INPUT', argument: 'recipients' } }] };
    const user = render([settings(), recipientsMock(['privacy@maps.example.com', 'bob@'], refused)]);
    await user.type(await screen.findByRole('combobox', { name: 'Notice recipients' }), 'bob@{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save recipients' }));
    expect(await screen.findByText('Notice recipients: "bob@" is not an e-mail address.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Notice recipients' })).toHaveAccessibleDescription(expect.stringContaining('"bob@" is not an e-mail address'));
    expect(screen.queryByText('The notice recipients were not saved')).not.toBeInTheDocument();
  });

  it('should turn the public page on, say so and link to it', async () => {
    const turnedOn = { request: { query: SetServicePublicMutation, variables: { serviceKey: 'maps', public: true } }, result: { data: { setServicePublic: { __typename: 'Service', id: 's1', key: 'maps', public: true } } } };
    const user = render([settings(), turnedOn]);
    const toggle = await screen.findByRole('switch', { name: "Show this service's policy on the public pages" });
    expect(screen.queryByRole('link', { name: 'Open the public policy page' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(await screen.findByText('The policy of Maps is on the public pages.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('switch', { name: /public pages/ })).toBeChecked());
    expect(screen.getByRole('link', { name: 'Open the public policy page' })).toHaveAttribute('href', '/public/policies/maps');
  });

  it('should put a refused switch in words next to it', async () => {
    const refused = { request: { query: SetServicePublicMutation, variables: { serviceKey: 'maps', public: true } }, result: { errors: [{ message: 'You may not change this service.', extensions: { code: 'FORBIDDEN' } }] } };
    const user = render([settings(), refused]);
    await user.click(await screen.findByRole('switch', { name: /public pages/ }));
    expect(await screen.findByText(/Your role does not allow this/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /public pages/ })).not.toBeChecked();
  });

  it('should only show the settings to those who may not change them', async () => {
    render([settings({ viewerCanEdit: false, public: true })], auditor);
    expect(await screen.findByText('privacy@maps.example.com')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the public policy page' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Notice recipients' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
