import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { useTaxonomy } from '../../components/taxonomy';
import { formatDateTime } from '../../lib/format';
import { sharingColumns, unmaskSharingRow } from '../sharing/SharingRow';

export const ServiceSharingTabQuery = graphql(`
  query ServiceSharingTab($key: String!, $at: DateTime) {
    service(key: $key) {
      id
      key
      sharingArrangements(at: $at) {
        id
        ...SharingRow_arrangement
      }
    }
  }
`);

/** The service's arrangements in every status; with `at`, as they stood then (read only). */
export function ServiceSharingTab({ serviceKey, mayPropose, at = null }: { serviceKey: string; mayPropose: boolean; at?: string | null }) {
  // An arrangement of the past has today's id: kept out of the cache, it never overwrites today's.
  const { data, loading, error, refetch } = useQuery(ServiceSharingTabQuery, { variables: { key: serviceKey, at }, fetchPolicy: at ? 'no-cache' : 'cache-and-network' });
  const { isSensitive } = useTaxonomy();
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading arrangements…">
      {(d) => (
        <Stack>
          <DataTable
            data={(d.service?.sharingArrangements ?? []).map(unmaskSharingRow)}
            columns={sharingColumns(isSensitive)}
            getRowId={(r) => r.id}
            caption={at ? `Data this service shared with outside processors on ${formatDateTime(at)}, in every status` : 'Data this service shares with outside processors, in every status'}
            empty={at ? 'This service shared no data with processors then.' : 'This service shares no data with processors.'}
          />
          {mayPropose && !at && (
            <Group>
              <Button component={Link} to={`/services/${serviceKey}/sharing/new`}>
                Propose sharing
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
