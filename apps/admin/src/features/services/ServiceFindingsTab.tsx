import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { FindingsTable } from '../findings/FindingsTable';

export const ServiceFindingsTabQuery = graphql(`
  query ServiceFindingsTab($key: String!) {
    findings(serviceKey: $key) {
      ...FindingRow_finding
    }
  }
`);

export function ServiceFindingsTab({ serviceKey }: { serviceKey: string }) {
  const { data, loading, error, refetch } = useQuery(ServiceFindingsTabQuery, { variables: { key: serviceKey }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Measuring the inventory…">
      {(d) => <FindingsTable findings={d.findings} showService={false} onChanged={() => void refetch()} />}
    </QueryState>
  );
}
