import { useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Group, Text } from '@mantine/core';
import { graphql } from '../../gql';
import type { InventoryTabQuery as InventoryData } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { CategoryBadge } from '../../components/badges';
import { useTaxonomy } from '../../components/taxonomy';

export const InventoryTabQuery = graphql(`
  query InventoryTab($key: String!) {
    service(key: $key) {
      id
      key
      inventory {
        id
        dataCategory
        purposes
        source
        devicePermission
        legalBasis
        retentionDays
        encryption
        publiclyVisible
      }
    }
  }
`);

type Item = NonNullable<InventoryData['service']>['inventory'][number];
const column = createColumnHelper<Item>();

export function InventoryTab({ serviceKey }: { serviceKey: string }) {
  const { data, loading, error, refetch } = useQuery(InventoryTabQuery, { variables: { key: serviceKey } });
  const { isSensitive } = useTaxonomy();
  const columns = [
    column.accessor('dataCategory', { header: 'Category', cell: (i) => <CategoryBadge category={i.getValue()} sensitive={isSensitive(i.getValue())} /> }),
    column.accessor('purposes', {
      header: 'Purposes',
      cell: (i) => (
        <Group gap={4}>
          {i.getValue().map((p) => (
            <Badge key={p} variant="dot" color="gray">
              {p}
            </Badge>
          ))}
        </Group>
      ),
    }),
    column.accessor('source', {
      header: 'Source',
      cell: (i) => `${i.getValue().replace(/_/g, ' ').toLowerCase()}${i.row.original.devicePermission ? ` (${i.row.original.devicePermission})` : ''}`,
    }),
    column.accessor('legalBasis', { header: 'Legal basis', cell: (i) => i.getValue().replace(/_/g, ' ').toLowerCase() }),
    column.accessor('retentionDays', { header: 'Retention', cell: (i) => (i.getValue() == null ? 'indefinitely' : `${i.getValue()} days`) }),
    column.accessor('encryption', { header: 'Encryption', cell: (i) => i.getValue().replace(/_/g, ' ').toLowerCase() }),
    column.accessor('publiclyVisible', { header: 'Public', cell: (i) => (i.getValue() ? 'yes' : <Text c="dimmed" size="sm">no</Text>) }),
  ];
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the inventory…">
      {(d) => (
        <DataTable
          data={[...(d.service?.inventory ?? [])]}
          columns={columns}
          getRowId={(row) => row.id}
          caption="The personal data this service collects, why, and how it keeps it"
          empty="This service declares no personal data yet."
        />
      )}
    </QueryState>
  );
}
