import { createColumnHelper } from '@tanstack/react-table';
import { Code, Text } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ConflictRow_ConflictFragment } from '../../gql/graphql';
import { ConflictStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { clauseValue, formatDate } from '../../lib/format';

export const ConflictRow_conflict = graphql(`
  fragment ConflictRow_conflict on PolicyConflict {
    id
    topic
    subject
    globalValue
    serviceValue
    globalPolicyVersion
    servicePolicyVersion
    status
    resolution
    createdAt
    takesEffectAt
    service {
      id
      key
      name
    }
  }
`);

export const unmaskConflictRow = (ref: FragmentType<typeof ConflictRow_conflict>) => getFragmentData(ConflictRow_conflict, ref);

const column = createColumnHelper<ConflictRow_ConflictFragment>();

/** One side's value of the clause, with the version of the policy that says it. */
function valueColumn(side: 'globalValue' | 'serviceValue', header: string, versionOf: (row: ConflictRow_ConflictFragment) => number) {
  return column.accessor(side, {
    header,
    cell: (i) => (
      <Text size="sm">
        {clauseValue(i.row.original.topic, i.getValue())} <Text span c="dimmed" size="xs">v{versionOf(i.row.original)}</Text>
      </Text>
    ),
  });
}

export const conflictColumns = [
  column.accessor('subject', {
    header: 'Clause',
    cell: (i) => (
      <div>
        <RouterLink to={`/conflicts/${i.row.original.id}`} aria-label={`Review conflict ${i.row.original.topic} ${i.getValue()} of ${i.row.original.service.name}`}>
          {i.row.original.topic} <Code>{i.getValue()}</Code>
        </RouterLink>
      </div>
    ),
  }),
  column.accessor((r) => r.service.name, {
    id: 'service',
    header: 'Service',
    cell: (i) => <RouterLink to={`/services/${i.row.original.service.key}`}>{i.getValue()}</RouterLink>,
  }),
  valueColumn('globalValue', 'Global value', (r) => r.globalPolicyVersion),
  valueColumn('serviceValue', 'Service value', (r) => r.servicePolicyVersion),
  column.accessor('status', {
    header: 'Status',
    cell: (i) => (
      <div>
        <ConflictStatusBadge status={i.getValue()} />
        {i.row.original.takesEffectAt && (
          <Text size="xs" c="orange.8">
            takes effect on {formatDate(i.row.original.takesEffectAt)}
          </Text>
        )}
        {i.row.original.resolution && (
          <Text size="xs" c="dimmed">
            {i.row.original.resolution.replace(/_/g, ' ').toLowerCase()}
          </Text>
        )}
      </div>
    ),
  }),
  column.accessor('createdAt', { header: 'Opened', cell: (i) => formatDate(i.getValue()) }),
];
