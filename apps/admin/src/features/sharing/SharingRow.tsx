import { createColumnHelper } from '@tanstack/react-table';
import { Group, Text } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { SharingRow_ArrangementFragment } from '../../gql/graphql';
import { CategoryBadge, SharingStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { formatDate } from '../../lib/format';

export const SharingRow_arrangement = graphql(`
  fragment SharingRow_arrangement on SharingArrangement {
    id
    status
    dataCategories
    purposes
    legalBasis
    requiredApprovals
    createdAt
    approvals {
      at
    }
    service {
      id
      key
      name
    }
    processor {
      id
      key
      name
    }
  }
`);

export const unmaskSharingRow = (ref: FragmentType<typeof SharingRow_arrangement>) => getFragmentData(SharingRow_arrangement, ref);

const column = createColumnHelper<SharingRow_ArrangementFragment>();

export function sharingColumns(isSensitive: (key: string) => boolean) {
  return [
    column.accessor('id', {
      header: 'Arrangement',
      cell: (i) => (
        <RouterLink to={`/sharing/${i.getValue()}`} aria-label={`Review sharing from ${i.row.original.service.name} to ${i.row.original.processor.name}`}>
          {i.row.original.service.name} → {i.row.original.processor.name}
        </RouterLink>
      ),
    }),
    column.accessor('dataCategories', {
      header: 'Categories',
      cell: (i) => (
        <Group gap={4}>
          {i.getValue().map((c) => (
            <CategoryBadge key={c} category={c} sensitive={isSensitive(c)} />
          ))}
        </Group>
      ),
    }),
    column.accessor('status', { header: 'Status', cell: (i) => <SharingStatusBadge status={i.getValue()} /> }),
    column.accessor((r) => r.approvals.length, {
      id: 'approvals',
      header: 'Approvals',
      cell: (i) => (
        <Text size="sm">
          {i.getValue()} of {i.row.original.requiredApprovals}
        </Text>
      ),
    }),
    column.accessor('createdAt', { header: 'Proposed', cell: (i) => formatDate(i.getValue()) }),
  ];
}
