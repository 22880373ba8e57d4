import type { ReactNode } from 'react';
import { Badge, Table } from '@mantine/core';
import { formatDateTime } from '../lib/format';

const COLOURS: Record<string, string> = { SENT: 'green', FAILED: 'red', PENDING: 'yellow' };

/** A delivery's status (outbox, notices, webhooks); the last error shows on hover. */
export function DeliveryStatusBadge({ status, lastError }: { status: string; lastError?: string | null }) {
  return (
    <Badge color={COLOURS[status] ?? 'gray'} title={lastError ?? undefined}>
      {status}
    </Badge>
  );
}

/** The status, attempts and sent-at cells of a delivery's table row. */
export function DeliveryCells({ status, lastError, attempts, at, children }: { status: string; lastError?: string | null; attempts: number; at: string | null | undefined; children?: ReactNode }) {
  return (
    <>
      <Table.Td>
        <DeliveryStatusBadge status={status} lastError={lastError} />
        {children}
      </Table.Td>
      <Table.Td>{attempts}</Table.Td>
      <Table.Td>{formatDateTime(at)}</Table.Td>
    </>
  );
}
