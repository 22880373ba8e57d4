import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { AssessmentKind, AssessmentQueueQuery as QueueData, AssessmentStatus } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { AssessmentStatusBadge } from '../../components/badges';
import { RouterLink } from '../../components/links';
import { formatDate, plural } from '../../lib/format';
import { assessmentSubject } from './assessment-words';

export const AssessmentQueueQuery = graphql(`
  query AssessmentQueue($status: AssessmentStatus, $kind: AssessmentKind) {
    assessments(status: $status, kind: $kind) {
      id
      kind
      status
      statusReason
      createdAt
      submittedAt
      reviewDueAt
      author {
        id
        name
      }
      service {
        id
        key
        name
      }
      sharingArrangement {
        id
        processor {
          id
          key
          name
        }
      }
    }
  }
`);

type Row = QueueData['assessments'][number];

const STATUSES: AssessmentStatus[] = ['IN_REVIEW', 'DRAFT', 'APPROVED', 'REJECTED', 'EXPIRED', 'STALE'];
const KINDS: AssessmentKind[] = ['DPIA', 'TIA'];

/** Awaiting review first, then by status in the order of the workflow, the most recent first within each. */
export function queueOrder(rows: readonly Row[]): Row[] {
  const rank = (s: string) => STATUSES.indexOf(s as AssessmentStatus);
  const at = (r: Row) => r.submittedAt ?? r.createdAt;
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || at(b).localeCompare(at(a)));
}

const column = createColumnHelper<Row>();
const columns = [
  column.accessor('id', {
    header: 'Assessment',
    cell: (i) => {
      const subject = assessmentSubject(i.row.original);
      return (
        <RouterLink to={`/assessments/${i.getValue()}`} aria-label={`Open the ${i.row.original.kind} of ${subject}`}>
          {i.row.original.kind} · {subject}
        </RouterLink>
      );
    },
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (i) => (
      <Stack gap={2}>
        <AssessmentStatusBadge status={i.getValue()} />
        {i.row.original.statusReason && (
          <Text size="xs" c="dimmed">
            {i.row.original.statusReason}
          </Text>
        )}
      </Stack>
    ),
  }),
  column.accessor((r) => r.author.name, { id: 'author', header: 'Author' }),
  column.accessor((r) => r.submittedAt, { id: 'submitted', header: 'Submitted', cell: (i) => formatDate(i.getValue()) }),
  column.accessor('reviewDueAt', { header: 'Review due', cell: (i) => formatDate(i.getValue()) }),
];

const words = (s: string) => s.replace(/_/g, ' ').toLowerCase();

/** The queue's filters, each kept in the address. */
const FILTERS = [
  { name: 'status', label: 'Status', values: STATUSES, say: words },
  { name: 'kind', label: 'Kind', values: KINDS, say: (k: string) => k },
] as const;

/** /assessments: DPIAs and TIAs, those awaiting review first; `?status=` and `?kind=` filter. */
export function AssessmentsPage() {
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? null;
  const kind = KINDS.find((k) => k === params.get('kind')) ?? null;
  const { data, loading, error, refetch } = useQuery(AssessmentQueueQuery, { variables: { status, kind }, fetchPolicy: 'cache-and-network' });
  const setFilter = (name: 'status' | 'kind', value: string | null) => {
    const next = new URLSearchParams(params);
    if (!value || value === 'ALL') next.delete(name);
    else next.set(name, value);
    setParams(next);
  };
  return (
    <Stack>
      <Title order={2}>Assessments</Title>
      <Text c="dimmed" size="sm">
        Data protection impact assessments (DPIA) of services and transfer impact assessments (TIA) of sharing arrangements. Another privacy officer than
        the author approves or rejects each one submitted for review.
      </Text>
      <Group>
        {FILTERS.map(({ name, label, values, say }) => (
          <Select
            key={name}
            label={label}
            w={200}
            value={(name === 'status' ? status : kind) ?? 'ALL'}
            allowDeselect={false}
            onChange={(v) => setFilter(name, v)}
            data={[{ value: 'ALL', label: 'all' }, ...values.map((v) => ({ value: v, label: say(v) }))]}
          />
        ))}
      </Group>
      <QueryState loading={loading && !data} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading assessments…">
        {(d) => (
          <DataTable
            data={queueOrder(d.assessments)}
            columns={columns}
            getRowId={(r) => r.id}
            caption={`${plural(d.assessments.length, 'assessment')}${status ? ` ${words(status)}` : ''}${kind ? ` (${kind})` : ''}, awaiting review first`}
            empty={status === 'IN_REVIEW' ? 'No assessment awaits review.' : 'No assessments.'}
          />
        )}
      </QueryState>
    </Stack>
  );
}
