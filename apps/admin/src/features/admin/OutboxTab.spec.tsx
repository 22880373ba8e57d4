import { screen } from '@testing-library/react';
import { OutboxMessagesQuery, OutboxTab } from './OutboxTab';
import { renderPage } from '../../testing/render';

const message = (id: string, status: string, waitingReason: string | null) => ({
  __typename: 'OutboxMessage',
  id,
  kind: 'EMAIL',
  event: 'notice.issued',
  recipient: `${id}@maps.example.com`,
  subject: 'Changes to the privacy policy of Maps from 2027-01-15',
  status,
  attempts: status === 'SENT' ? 1 : 0,
  lastError: null,
  waitingReason,
  createdAt: '2026-11-30T10:00:00.000Z',
  sentAt: status === 'SENT' ? '2026-11-30T10:00:01.000Z' : null,
});

describe('OutboxTab', () => {
  it('should list messages with their status and why a kept one waits', async () => {
    renderPage(<OutboxTab />, {
      mocks: [{ request: { query: OutboxMessagesQuery }, result: { data: { outboxMessages: [message('a', 'SENT', null), message('b', 'PENDING', 'no SMTP server is configured')] } } }],
    });
    expect(await screen.findByText('b@maps.example.com')).toBeInTheDocument();
    expect(screen.getByText('no SMTP server is configured')).toBeInTheDocument();
    expect(screen.getByText('SENT')).toBeInTheDocument();
    expect(screen.getByText('PENDING')).toBeInTheDocument();
  });
});
