import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Text } from '@mantine/core';
import { graphql, type FragmentType, getFragmentData } from '../../gql';
import type { ServiceRow_ServiceFragment } from '../../gql/graphql';
import { LifecycleBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { formatDate } from '../../lib/format';

/** What one row of the services table needs, colocated with the columns that show it. */
export const ServiceRow_service = graphql(`
  fragment ServiceRow_service on Service {
    id
    key
    name
    lifecycle
    servesMinors
    updatedAt
    team {
      id
      key
      name
    }
    openConflicts: conflicts(status: OPEN) {
      id
    }
  }
`);

export type ServiceRowData = ServiceRow_ServiceFragment;

export const unmaskServiceRow = (ref: FragmentType<typeof ServiceRow_service>) => getFragmentData(ServiceRow_service, ref);

const column = createColumnHelper<ServiceRowData>();

export const serviceColumns = [
  column.accessor('key', {
    header: 'Service',
    cell: (info) => (
      <div>
        <RouterLink to={`/services/${info.getValue()}`}>{info.row.original.name}</RouterLink>
        <Text size="xs" c="dimmed">
          {info.getValue()}
        </Text>
      </div>
    ),
  }),
  column.accessor((row) => row.team.name, { id: 'team', header: 'Team' }),
  column.accessor('lifecycle', { header: 'Lifecycle', cell: (info) => <LifecycleBadge lifecycle={info.getValue()} /> }),
  column.accessor('servesMinors', {
    header: 'Minors',
    cell: (info) => (info.getValue() ? <Badge color="grape" variant="light">serves minors</Badge> : <Text size="sm" c="dimmed">no</Text>),
  }),
  column.accessor((row) => row.openConflicts.length, {
    id: 'openConflicts',
    header: 'Open conflicts',
    cell: (info) =>
      info.getValue() ? (
        <RouterLink to={`/services/${info.row.original.key}?tab=conflicts`}>{`${info.getValue()} open`}</RouterLink>
      ) : (
        <Text size="sm" c="dimmed">
          none
        </Text>
      ),
  }),
  column.accessor('updatedAt', { header: 'Updated', cell: (info) => formatDate(info.getValue()) }),
];
