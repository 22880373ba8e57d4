import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { conflictColumns, unmaskConflictRow } from '../conflicts/ConflictRow';

export const ServiceConflictsTabQuery = graphql(`
  query ServiceConflictsTab($key: String!) {
    service(key: $key) {
      id
      key
      conflicts {
        id
        ...ConflictRow_conflict
      }
    }
  }
`);

export function ServiceConflictsTab({ serviceKey }: { serviceKey: string }) {
  const { data, loading, error, refetch } = useQuery(ServiceConflictsTabQuery, { variables: { key: serviceKey } });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading conflicts…">
      {(d) => (
        <DataTable
          data={(d.service?.conflicts ?? []).map(unmaskConflictRow)}
          columns={conflictColumns}
          getRowId={(r) => r.id}
          caption="Where this service's policy is weaker than the global policy, in every status"
          empty="This service's policy never departed from the global policy."
        />
      )}
    </QueryState>
  );
}
