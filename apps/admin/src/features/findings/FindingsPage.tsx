import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Select, Stack, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { Severity } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { FindingsTable } from './FindingsTable';

export const FindingsPageQuery = graphql(`
  query FindingsPage($minSeverity: Severity) {
    findings(minSeverity: $minSeverity) {
      ...FindingRow_finding
    }
  }
`);

const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** /findings?severity=HIGH: every service's findings of exactly that severity (the overview's counts link here). */
export function FindingsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('severity');
  const severity = SEVERITIES.includes(raw as Severity) ? (raw as Severity) : null;
  const { data, loading, error, refetch } = useQuery(FindingsPageQuery, { variables: { minSeverity: severity } });
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
        {(d) => <FindingsTable findings={d.findings} severity={severity} onChanged={() => void refetch()} />}
      </QueryState>
    </Stack>
  );
}
