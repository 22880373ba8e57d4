import { useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { PoliciesPageQuery as PoliciesData } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/links';
import { formatDate } from '../../lib/format';

export const PoliciesPageQuery = graphql(`
  query PoliciesPage {
    policies {
      id
      key
      title
      scope
      service {
        id
        key
        name
      }
      currentVersion {
        id
        number
        inForceFrom
      }
      versions {
        id
        number
        status
        inForceFrom
      }
    }
  }
`);

type Row = PoliciesData['policies'][number];
const column = createColumnHelper<Row>();

const columns = [
  column.accessor('title', {
    header: 'Policy',
    cell: (i) => (
      <div>
        <RouterLink to={`/policies/${i.row.original.key}`}>{i.getValue()}</RouterLink>
        <Text size="xs" c="dimmed">
          {i.row.original.key}
        </Text>
      </div>
    ),
  }),
  column.accessor('scope', {
    header: 'Scope',
    cell: (i) => (
      <Badge variant="light" color={i.getValue() === 'GLOBAL' ? 'teal' : 'violet'}>
        {i.getValue() === 'GLOBAL' ? 'global' : `service: ${i.row.original.service?.name ?? ''}`}
      </Badge>
    ),
  }),
  column.accessor((r) => r.currentVersion?.number ?? null, {
    id: 'current',
    header: 'In force',
    cell: (i) => (i.getValue() ? `v${i.getValue()} since ${formatDate(i.row.original.currentVersion?.inForceFrom)}` : <Text c="dimmed" size="sm">none</Text>),
  }),
  column.accessor((r) => r.versions.length, {
    id: 'versions',
    header: 'Versions',
    cell: (i) => {
      const now = Date.now();
      const draft = i.row.original.versions.some((v) => v.status === 'DRAFT');
      const scheduled = i.row.original.versions.some((v) => v.status === 'PUBLISHED' && v.inForceFrom && new Date(v.inForceFrom).getTime() > now);
      return (
        <Text size="sm">
          {i.getValue()} {draft && <Badge size="xs" color="gray">draft</Badge>} {scheduled && <Badge size="xs" color="blue">scheduled</Badge>}
        </Text>
      );
    },
  }),
];

export function PoliciesPage() {
  const { data, loading, error, refetch } = useQuery(PoliciesPageQuery);
  return (
    <Stack>
      <Title order={2}>Policies</Title>
      <Text size="sm" c="dimmed">
        One global policy for the organisation; a service policy applies where it is consistent with it or an officer lets it prevail.
      </Text>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading policies…">
        {(d) => (
          <DataTable
            data={[...d.policies].sort((a, b) => (a.scope === b.scope ? a.key.localeCompare(b.key) : a.scope === 'GLOBAL' ? -1 : 1))}
            columns={columns}
            getRowId={(r) => r.key}
            caption={`${d.policies.length} policies`}
            empty="No policy exists yet."
          />
        )}
      </QueryState>
    </Stack>
  );
}
