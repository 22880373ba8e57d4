import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Select, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import type { SharingRow_ArrangementFragment, SharingStatus } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { useTaxonomy } from '../../components/taxonomy';
import { sharingColumns, unmaskSharingRow } from './SharingRow';
import { transfersColumn } from '../transfers/ArrangementTransfers';
import { plural } from '../../lib/format';

export const SharingQueueQuery = graphql(`
  query SharingQueue($status: SharingStatus) {
    sharingArrangements(status: $status) {
      id
      ...SharingRow_arrangement
      transfers {
        country
        restricted
        lawful
        reason
      }
    }
  }
`);

const STATUSES: SharingStatus[] = ['PENDING_REVIEW', 'DRAFT', 'APPROVED', 'REJECTED', 'REVOKED', 'WITHDRAWN'];

/** Arrangements awaiting review by default; any status via ?status=. */
export function SharingQueuePage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: SharingStatus | null = raw === 'ALL' ? null : STATUSES.includes(raw as SharingStatus) ? (raw as SharingStatus) : 'PENDING_REVIEW';
  const { data, loading, error, refetch } = useQuery(SharingQueueQuery, { variables: { status } });
  const { isSensitive } = useTaxonomy();
  return (
    <Stack>
      <Title order={2}>Sharing</Title>
      <Text c="dimmed" size="sm">
        Data-sharing arrangements with outside processors. Sharing a sensitive category needs two officers&apos; approvals.
      </Text>
      <Select
        label="Status"
        w={240}
        value={status ?? 'ALL'}
        allowDeselect={false}
        onChange={(v) => setParams(v === 'PENDING_REVIEW' || !v ? {} : { status: v })}
        data={[{ value: 'ALL', label: 'all' }, ...STATUSES.map((s) => ({ value: s, label: s.replace(/_/g, ' ').toLowerCase() }))]}
      />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading arrangements…">
        {(d) => {
          const transfersById = new Map(d.sharingArrangements.map((a) => [a.id, a.transfers]));
          return (
            <DataTable
              data={d.sharingArrangements.map(unmaskSharingRow)}
              columns={[...sharingColumns(isSensitive), transfersColumn((r: SharingRow_ArrangementFragment) => transfersById.get(r.id) ?? [])]}
              getRowId={(r) => r.id}
              caption={`${plural(d.sharingArrangements.length, 'arrangement')}${status ? ` ${status.replace(/_/g, ' ').toLowerCase()}` : ''}`}
              empty={status === 'PENDING_REVIEW' ? 'No arrangement awaits review.' : 'No arrangements.'}
            />
          );
        }}
      </QueryState>
    </Stack>
  );
}
