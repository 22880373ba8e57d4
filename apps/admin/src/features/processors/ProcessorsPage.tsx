import { useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { DPA_RENEWAL_WARNING_DAYS, isSharingActive, mayManageProcessors } from '@canopy/domain';
import { useViewer } from '../../app/session';
import { graphql } from '../../gql';
import type { ProcessorsPageQuery as ProcessorsData } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/links';
import { DpaBadge } from '../../components/DpaBadge';
import { plural } from '../../lib/format';

export const ProcessorsPageQuery = graphql(`
  query ProcessorsPage {
    processors {
      id
      key
      name
      country
      dpaSignedAt
      dpaExpiresAt
      certifications
      sharingArrangements {
        id
        status
      }
    }
  }
`);

type Row = ProcessorsData['processors'][number];
const column = createColumnHelper<Row>();

export const processorColumns = [
  column.accessor('name', { header: 'Processor', cell: (i) => <RouterLink to={`/processors/${i.row.original.key}`}>{i.getValue()}</RouterLink> }),
  column.accessor('country', { header: 'Country' }),
  column.display({
    id: 'dpa',
    header: 'DPA',
    cell: (i) => <DpaBadge processor={i.row.original} />,
  }),
  column.accessor('certifications', { header: 'Certifications', cell: (i) => i.getValue().join(', ') || <Text c="dimmed" size="sm">none</Text> }),
  column.accessor((r) => r.sharingArrangements.filter((a) => isSharingActive(a.status)).length, { id: 'approved', header: 'Approved arrangements' }),
];

export function ProcessorsPage() {
  const { data, loading, error, refetch } = useQuery(ProcessorsPageQuery, { fetchPolicy: 'cache-and-network' });
  const mayRegister = mayManageProcessors(useViewer());
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Processors</Title>
        {mayRegister && (
          <Button component={Link} to="/processors/new">
            Register a processor
          </Button>
        )}
      </Group>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading processors…">
        {(d) => (
          <DataTable
            data={[...d.processors]}
            columns={processorColumns}
            getRowId={(r) => r.key}
            caption={`${plural(d.processors.length, 'processor')}; a DPA ending within ${plural(DPA_RENEWAL_WARNING_DAYS, 'day')} is flagged`}
            empty="No processor is registered yet."
          />
        )}
      </QueryState>
    </Stack>
  );
}
