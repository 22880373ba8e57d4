import { screen } from '@testing-library/react';
import { NoticesPanel, VersionNoticesQuery } from './NoticesPanel';
import { renderPage } from '../../testing/render';

const delivery = (recipient: string, status: string, channel = 'EMAIL') => ({
  __typename: 'NoticeDelivery',
  channel,
  recipient,
  status,
  attempts: status === 'PENDING' ? 0 : 1,
  lastError: null,
  sentAt: status === 'SENT' ? '2026-11-30T10:00:05.000Z' : null,
});

const data = {
  policy: {
    __typename: 'Policy',
    id: 'p1',
    key: 'maps-policy',
    versions: [
      {
        __typename: 'PolicyVersion',
        id: 'v4',
        notices: [
          {
            __typename: 'Notice',
            id: 'n1',
            channels: ['EMAIL', 'HOMEPAGE_BANNER'],
            issuedAt: '2026-11-30T10:00:00.000Z',
            plannedEffectiveAt: '2027-01-15T00:00:00.000Z',
            text: 'We are changing the privacy policy of Maps.\n- How long we keep device log: 30 becomes 90.',
            voided: false,
            deliveries: [delivery('legal@maps.example.com', 'SENT'), delivery('privacy@maps.example.com', 'PENDING'), delivery('homepage', 'SENT', 'HOMEPAGE_BANNER')],
          },
        ],
      },
    ],
  },
};

describe('NoticesPanel', () => {
  it('should show the issued text and each delivery with its status', async () => {
    renderPage(<NoticesPanel policyKey="maps-policy" versionId="v4" weakened={['RETENTION device.log']} noticeDays={30} canIssue={false} />, {
      mocks: [{ request: { query: VersionNoticesQuery, variables: { key: 'maps-policy' } }, result: { data } }],
    });
    expect(await screen.findByText(/How long we keep device log: 30 becomes 90/)).toBeInTheDocument();
    expect(screen.getByText('privacy@maps.example.com')).toBeInTheDocument();
    expect(screen.getByText('PENDING')).toBeInTheDocument();
    expect(screen.getAllByText('SENT')).toHaveLength(2);
    // Issued 2026-11-30 with 30 days' notice: 2026-12-30, before the planned 2027-01-15, so the planned date decides.
    expect(screen.getByTestId('earliest-effective')).toHaveTextContent('2027-01-15');
    expect(screen.queryByRole('button', { name: 'Review and issue the notice' })).not.toBeInTheDocument();
  });

  it('should offer officers to issue a notice once channels and a date are chosen', async () => {
    renderPage(<NoticesPanel policyKey="maps-policy" versionId="v9" weakened={[]} noticeDays={30} canIssue />, {
      mocks: [{ request: { query: VersionNoticesQuery, variables: { key: 'maps-policy' } }, result: { data } }],
    });
    expect(await screen.findByText('No notice issued for this version.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Review and issue the notice' })).toBeDisabled();
  });
});
