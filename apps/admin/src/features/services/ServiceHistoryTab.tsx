import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { AuditEventList, AuditEventsQuery } from '../audit/AuditEventList';

/** The service's own audit events (engineers see these for their teams' services). */
export function ServiceHistoryTab({ serviceKey }: { serviceKey: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(AuditEventsQuery, {
    variables: { filter: { entityType: 'service', entityId: serviceKey }, first: 50, after },
  });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading history…">
      {(d) => (
        <Stack>
          <AuditEventList events={d.auditEvents.edges.map((e) => e.node)} caption={`${d.auditEvents.totalCount} events, oldest first`} />
          <Group justify="flex-end">
            <Button variant="default" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous page
            </Button>
            <Button
              variant="default"
              disabled={!d.auditEvents.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, d.auditEvents.pageInfo.endCursor ?? null])}
            >
              Next page
            </Button>
          </Group>
        </Stack>
      )}
    </QueryState>
  );
}
