import { useQuery } from '@apollo/client/react';
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

export function ServiceSharingTab({ serviceKey }: { serviceKey: string }) {
  const { data, loading, error, refetch } = useQuery(ServiceSharingTabQuery, { variables: { key: serviceKey } });
  const { isSensitive } = useTaxonomy();
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading arrangements…">
      {(d) => (
        <DataTable
          data={(d.service?.sharingArrangements ?? []).map(unmaskSharingRow)}
          columns={sharingColumns(isSensitive)}
          getRowId={(r) => r.id}
          caption="Data this service shares with outside processors, in every status"
          empty="This service shares no data with processors."
        />
      )}
    </QueryState>
  );
}
