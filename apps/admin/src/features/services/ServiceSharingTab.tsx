import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { useTaxonomy } from '../../components/taxonomy';
import { sharingColumns, unmaskSharingRow } from '../sharing/SharingRow';

export const ServiceSharingTabQuery = graphql(`
  query ServiceSharingTab($key: String!) {
    service(key: $key) {
      id
      key
      sharingArrangements {
        id
        ...SharingRow_arrangement
      }
    }
  }
`);

export function ServiceSharingTab({ serviceKey, mayPropose }: { serviceKey: string; mayPropose: boolean }) {
  const { data, loading, error, refetch } = useQuery(ServiceSharingTabQuery, { variables: { key: serviceKey }, fetchPolicy: 'cache-and-network' });
  const { isSensitive } = useTaxonomy();
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading arrangements…">
      {(d) => (
        <Stack>
          <DataTable
            data={(d.service?.sharingArrangements ?? []).map(unmaskSharingRow)}
            columns={sharingColumns(isSensitive)}
            getRowId={(r) => r.id}
            caption="Data this service shares with outside processors, in every status"
            empty="This service shares no data with processors."
          />
          {mayPropose && (
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
