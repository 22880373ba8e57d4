import { useQuery } from '@apollo/client/react';
import { Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { QueryState } from '../../components/QueryState';
import { SeverityBadge } from '../../components/badges';
import { useTaxonomy } from '../../components/taxonomy';
import { DataMap } from './DataMap';
import { unmaskSharingRow } from '../sharing/SharingRow';

/**
 * Three queries, so that a list the API refuses as too large for a big organisation (RESULT_TOO_LARGE) costs only
 * its own section and the rest of the overview still shows.
 */
export const OverviewCountsQuery = graphql(`
  query OverviewCounts {
    services(first: 100) {
      totalCount
      edges {
        node {
          id
          key
          name
        }
      }
    }
    openConflicts: conflicts(status: OPEN) {
      id
    }
    pendingSharing: sharingArrangements(status: PENDING_REVIEW) {
      id
    }
  }
`);

export const OverviewFindingsQuery = graphql(`
  query OverviewFindings {
    findings {
      severity
    }
  }
`);

export const OverviewMapQuery = graphql(`
  query OverviewMap {
    sharingArrangements {
      id
      ...SharingRow_arrangement
    }
  }
`);

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

function CountCard({ label, count, to, hint }: { label: string; count: number; to: string; hint?: string }) {
  return (
    <Card withBorder component={Link} to={to} aria-label={`${count} ${label}`} data-testid={`count-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700}>
        {count}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

type OverviewServices = ResultOf<typeof OverviewCountsQuery>['services'];

function FindingsBySeverity() {
  const { data, loading, error, refetch } = useQuery(OverviewFindingsQuery);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        Findings by severity
      </Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Counting the findings…">
        {(d) => (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {SEVERITIES.map((s) => {
              const count = d.findings.filter((f) => f.severity === s).length;
              return (
                <Card key={s} withBorder component={Link} to={`/findings?severity=${s}`} aria-label={`${count} ${s.toLowerCase()} findings`}>
                  <Group justify="space-between">
                    <SeverityBadge severity={s} />
                    <Text fz={24} fw={700}>
                      {count}
                    </Text>
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </QueryState>
    </Paper>
  );
}

function OverviewDataMap({ services }: { services: OverviewServices }) {
  const { data, loading, error, refetch } = useQuery(OverviewMapQuery);
  const { isSensitive } = useTaxonomy();
  const shown = services.edges.map((e) => e.node);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        Data map
      </Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the data map…">
        {(d) =>
          d.sharingArrangements.length === 0 && shown.length === 0 ? (
            <Text c="dimmed">No services or processors yet.</Text>
          ) : (
            <DataMap services={shown} arrangements={d.sharingArrangements.map(unmaskSharingRow)} isSensitive={isSensitive} />
          )
        }
      </QueryState>
      {services.totalCount > shown.length && (
        <Text size="xs" c="dimmed" mt="xs">
          The map shows the first {shown.length} of {services.totalCount} services and every service that shares data.
        </Text>
      )}
    </Paper>
  );
}

/** Counts that link to their lists, the findings by severity and the data map. */
export function OverviewPage() {
  const { data, loading, error, refetch } = useQuery(OverviewCountsQuery);
  return (
    <Stack>
      <Title order={2}>Overview</Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the overview…">
        {(d) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <CountCard label="Services" count={d.services.totalCount} to="/services" />
              <CountCard label="Open conflicts" count={d.openConflicts.length} to="/conflicts" hint="awaiting an officer's decision" />
              <CountCard label="Sharing awaiting review" count={d.pendingSharing.length} to="/sharing" />
            </SimpleGrid>
            <FindingsBySeverity />
            <OverviewDataMap services={d.services} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
