import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { FindingsTable } from '../findings/FindingsTable';

/** Measured now, or with `at` against the inventory, policies and arrangements as they were then. */
export const ServiceFindingsTabQuery = graphql(`
  query ServiceFindingsTab($key: String!, $at: DateTime) {
    findingsConnection(at: $at, filter: { serviceKey: $key }, first: 1000) {
      edges {
        node {
          ...FindingRow_finding
        }
      }
    }
  }
`);

export function ServiceFindingsTab({ serviceKey, at = null }: { serviceKey: string; at?: string | null }) {
  const { data, loading, error, refetch } = useQuery(ServiceFindingsTabQuery, { variables: { key: serviceKey, at }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Measuring the inventory…">
      {(d) => <FindingsTable findings={d.findingsConnection.edges.map((e) => e.node)} showService={false} asOf={at} onChanged={() => void refetch()} />}
    </QueryState>
  );
}
