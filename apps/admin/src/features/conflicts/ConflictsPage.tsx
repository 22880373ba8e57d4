import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { ConflictStatus } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { conflictColumns, unmaskConflictRow } from './ConflictRow';
import { plural } from '../../lib/format';

export const ConflictsPageQuery = graphql(`
  query ConflictsPage($status: ConflictStatus) {
    conflicts(status: $status) {
      id
      ...ConflictRow_conflict
    }
  }
`);

const STATUSES = ['OPEN', 'RESOLVED', 'SUPERSEDED'] as const;

/** The review queue: OPEN conflicts first; the other statuses one click away (?status=). */
export function ConflictsPage() {
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ConflictStatus) : 'OPEN';
  const { data, loading, error, refetch } = useQuery(ConflictsPageQuery, { variables: { status } });
  return (
    <Stack>
      <Title order={2}>Conflicts</Title>
      <Text c="dimmed" size="sm">
        A conflict is a service policy clause weaker than the global one. While it is open the global value applies; an officer decides
        which prevails.
      </Text>
      <SegmentedControl
        aria-label="Status"
        value={status}
        onChange={(value) => setParams(value === 'OPEN' ? {} : { status: value })}
        data={STATUSES.map((s) => ({ value: s, label: s.toLowerCase() }))}
        w={360}
      />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading conflicts…">
        {(d) => (
          <DataTable
            data={d.conflicts.map(unmaskConflictRow)}
            columns={conflictColumns}
            getRowId={(r) => r.id}
            caption={plural(d.conflicts.length, `${status.toLowerCase()} conflict`)}
            empty={status === 'OPEN' ? 'No conflict awaits review.' : `No ${status.toLowerCase()} conflicts.`}
          />
        )}
      </QueryState>
    </Stack>
  );
}
