import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { plural } from '../../lib/format';
import { serviceColumns, unmaskServiceRow } from '../services/ServiceRow';

export const MyServicesQuery = graphql(`
  query MyServices {
    viewer {
      id
      teams {
        id
        key
        name
        viewerCanRegisterServices
        services {
          id
          ...ServiceRow_service
        }
      }
    }
  }
`);

/** An engineer's landing page: the services of each of its teams, and registering a new one. */
export function MyServicesPage() {
  const { data, loading, error, refetch } = useQuery(MyServicesQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <Stack>
      <Title order={2}>Your services</Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading your teams' services…">
        {(d) =>
          (d.viewer?.teams ?? []).map((team) => (
            <Stack key={team.id} gap="xs" component="section" aria-label={`Team ${team.name}`}>
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {team.name}
                </Title>
                {team.viewerCanRegisterServices && (
                  <Button component={Link} to={`/services/new?team=${team.key}`} size="sm">
                    Register a service
                  </Button>
                )}
              </Group>
              <DataTable
                data={team.services.map(unmaskServiceRow)}
                columns={serviceColumns}
                getRowId={(r) => r.key}
                caption={`${plural(team.services.length, 'service')} of team ${team.key}`}
                empty="This team has no service yet."
              />
            </Stack>
          ))
        }
      </QueryState>
    </Stack>
  );
}
