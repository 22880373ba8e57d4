import { useQuery } from '@apollo/client/react';
import { Table, Text } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DeliveryCells } from '../../components/DeliveryStatusBadge';
import { formatDateTime } from '../../lib/format';

export const OutboxMessagesQuery = graphql(`
  query OutboxMessages {
    outboxMessages(first: 100) { id kind event recipient subject status attempts lastError waitingReason createdAt sentAt }
  }
`);

/** How often the list is read again: plain polling, no open connection. */
export const OUTBOX_POLL_MS = 10_000;

/** /admin?tab=outbox: outbound e-mails and webhook deliveries, newest first; kept ones say why they wait (no SMTP server configured). */
export function OutboxTab() {
  const { data, loading, error, refetch } = useQuery(OutboxMessagesQuery, { pollInterval: OUTBOX_POLL_MS });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ outboxMessages }) =>
        outboxMessages.length === 0 ? (
          <Text c="dimmed">Nothing was sent yet.</Text>
        ) : (
          <Table withTableBorder fz="sm" aria-label="Outbound messages">
            <Table.Thead>
              <Table.Tr>
                {['Written', 'Kind', 'Event', 'To', 'Subject', 'Status', 'Attempts', 'Sent'].map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outboxMessages.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.createdAt)}</Table.Td>
                  <Table.Td>{m.kind}</Table.Td>
                  <Table.Td>{m.event ?? ''}</Table.Td>
                  <Table.Td>{m.recipient}</Table.Td>
                  <Table.Td>{m.subject ?? ''}</Table.Td>
                  <DeliveryCells status={m.status} lastError={m.lastError} attempts={m.attempts} at={m.sentAt}>
                    {m.waitingReason && (
                      <Text size="xs" c="dimmed">
                        {m.waitingReason}
                      </Text>
                    )}
                  </DeliveryCells>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QueryState>
  );
}
