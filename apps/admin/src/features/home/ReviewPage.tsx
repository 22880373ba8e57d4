import { useQuery } from '@apollo/client/react';
import { Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/links';
import { useTaxonomy } from '../../components/taxonomy';
import { plural } from '../../lib/format';
import { conflictColumns, unmaskConflictRow } from '../conflicts/ConflictRow';
import { sharingColumns, unmaskSharingRow } from '../sharing/SharingRow';

export const ReviewPageQuery = graphql(`
  query ReviewPage {
    conflicts(status: OPEN) {
      id
      ...ConflictRow_conflict
    }
    sharingArrangements(status: PENDING_REVIEW) {
      id
      ...SharingRow_arrangement
    }
  }
`);

/** An officer's landing page: open conflicts and arrangements awaiting review, oldest first. */
export function ReviewPage() {
  const { data, loading, error, refetch } = useQuery(ReviewPageQuery, { fetchPolicy: 'cache-and-network' });
  const { isSensitive } = useTaxonomy();
  return (
    <Stack>
      <Title order={2}>Review queues</Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the queues…">
        {(d) => (
          <>
            <Stack gap="xs" component="section" aria-label="Open conflicts">
              <Title order={3} size="h4">
                Conflicts awaiting a decision
              </Title>
              <DataTable
                data={d.conflicts.map(unmaskConflictRow)}
                columns={conflictColumns}
                getRowId={(r) => r.id}
                caption={`${plural(d.conflicts.length, 'open conflict')}; while open, the global value applies`}
                empty="No conflict awaits review."
              />
              <Text size="sm">
                <RouterLink to="/conflicts?status=RESOLVED">Resolved conflicts</RouterLink>
              </Text>
            </Stack>
            <Stack gap="xs" component="section" aria-label="Sharing awaiting review">
              <Title order={3} size="h4">
                Sharing awaiting review
              </Title>
              <DataTable
                data={d.sharingArrangements.map(unmaskSharingRow)}
                columns={sharingColumns(isSensitive)}
                getRowId={(r) => r.id}
                caption={`${plural(d.sharingArrangements.length, 'arrangement')} awaiting review`}
                empty="No arrangement awaits review."
              />
              <Text size="sm">
                <RouterLink to="/sharing?status=ALL">Every arrangement</RouterLink>
              </Text>
            </Stack>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
