import { useQuery } from '@apollo/client/react';
import { Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { SeverityBadge } from '../../components/badges';
import { useTaxonomy } from '../../components/taxonomy';
import { DataMap } from './DataMap';
import { unmaskSharingRow } from '../sharing/SharingRow';

export const OverviewQuery = graphql(`
  query Overview {
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
    sharingArrangements {
      id
      ...SharingRow_arrangement
    }
    findings {
      severity
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

/** Counts that link to their lists, and the data map. */
export function OverviewPage() {
  const { data, loading, error, refetch } = useQuery(OverviewQuery);
  const { isSensitive } = useTaxonomy();
  return (
    <Stack>
      <Title order={2}>Overview</Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the overview…">
        {(d) => {
          const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, d.findings.filter((f) => f.severity === s).length]));
          const services = d.services.edges.map((e) => e.node);
          return (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <CountCard label="Services" count={d.services.totalCount} to="/services" />
                <CountCard label="Open conflicts" count={d.openConflicts.length} to="/conflicts" hint="awaiting an officer's decision" />
                <CountCard label="Sharing awaiting review" count={d.pendingSharing.length} to="/sharing" />
              </SimpleGrid>
              <Paper withBorder p="md">
                <Title order={3} size="h5" mb="xs">
                  Findings by severity
                </Title>
                <SimpleGrid cols={{ base: 2, sm: 4 }}>
                  {SEVERITIES.map((s) => (
                    <Card key={s} withBorder component={Link} to={`/findings?severity=${s}`} aria-label={`${bySeverity[s]} ${s.toLowerCase()} findings`}>
                      <Group justify="space-between">
                        <SeverityBadge severity={s} />
                        <Text fz={24} fw={700}>
                          {bySeverity[s]}
                        </Text>
                      </Group>
                    </Card>
                  ))}
                </SimpleGrid>
              </Paper>
              <Paper withBorder p="md">
                <Title order={3} size="h5" mb="xs">
                  Data map
                </Title>
                {d.sharingArrangements.length === 0 && services.length === 0 ? (
                  <Text c="dimmed">No services or processors yet.</Text>
                ) : (
                  <DataMap services={services} arrangements={d.sharingArrangements.map(unmaskSharingRow)} isSensitive={isSensitive} />
                )}
                {d.services.totalCount > services.length && (
                  <Text size="xs" c="dimmed" mt="xs">
                    The map shows the first {services.length} of {d.services.totalCount} services and every service that shares data.
                  </Text>
                )}
              </Paper>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
