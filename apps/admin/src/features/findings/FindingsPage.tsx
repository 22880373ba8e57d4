import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Select, Stack, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { Severity } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { FindingsTable } from './FindingsTable';

export const FindingsPageQuery = graphql(`
  query FindingsPage($minSeverity: Severity, $after: String) {
    findingsConnection(first: 200, after: $after, filter: { minSeverity: $minSeverity }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FindingRow_finding
        }
      }
    }
  }
`);

const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/**
 * /findings?severity=HIGH: every service's findings of exactly that severity (the overview's counts link here),
 * 200 at a time (the API pages findings so that a large organisation never has to be measured in one answer).
 */
export function FindingsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('severity');
  const severity = SEVERITIES.includes(raw as Severity) ? (raw as Severity) : null;
  const { data, loading, error, refetch, fetchMore } = useQuery(FindingsPageQuery, { variables: { minSeverity: severity, after: null } });
  return (
    <Stack>
      <Title order={2}>Findings</Title>
      <Select
        label="Severity"
        w={220}
        clearable
        placeholder="All severities"
        value={severity}
        onChange={(v) => setParams(v ? { severity: v } : {})}
        data={SEVERITIES.map((s) => ({ value: s, label: s.toLowerCase() }))}
      />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Measuring inventories…">
        {(d) => {
          const { edges, pageInfo } = d.findingsConnection;
          const more = () =>
            fetchMore({
              variables: { after: pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => ({
                findingsConnection: { ...fetchMoreResult.findingsConnection, edges: [...prev.findingsConnection.edges, ...fetchMoreResult.findingsConnection.edges] },
              }),
            });
          return (
            <>
              <FindingsTable findings={edges.map((e) => e.node)} severity={severity} onChanged={() => void refetch()} />
              {pageInfo.hasNextPage && (
                <Button variant="default" w={220} onClick={() => void more()}>
                  Load more findings
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
