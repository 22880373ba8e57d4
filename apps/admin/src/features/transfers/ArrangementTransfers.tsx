import { useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { HeadedTable } from '../../components/HeadedTable';
import { basisLabel, countryLabel } from './transfer-words';

export const ArrangementTransfersQuery = graphql(`
  query ArrangementTransfers($id: ID!) {
    sharingArrangement(id: $id) {
      id
      transfers {
        country
        restricted
        lawful
        basis
        reason
      }
    }
  }
`);

interface Transfer {
  country: string;
  restricted: boolean;
  lawful: boolean;
  basis?: string | null;
  reason?: string;
}

/** Lawful or not, in words and colour; a transfer inside the home region is not restricted at all. */
export function TransferBadge({ transfer }: { transfer: Transfer }) {
  const badge = !transfer.restricted ? (
    <Badge color="gray" variant="light">
      {transfer.country} · not restricted
    </Badge>
  ) : transfer.lawful ? (
    <Badge color="green" variant="light">
      {transfer.country} · lawful
    </Badge>
  ) : (
    <Badge color="red" variant="filled">
      {transfer.country} · no basis
    </Badge>
  );
  return transfer.reason ? <Tooltip label={transfer.reason}>{badge}</Tooltip> : badge;
}

/** The sharing page's panel: each transfer of the arrangement (processor, then sub-processors), judged now by the API. */
export function ArrangementTransfers({ id }: { id: string }) {
  const { data, loading, error, refetch } = useQuery(ArrangementTransfersQuery, { variables: { id }, fetchPolicy: 'network-only' });
  return (
    <Paper withBorder p="md" component="section" aria-label="Transfers">
      <Title order={3} size="h5" mb="xs">
        Transfers
      </Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading the transfers…">
        {(d) =>
          d.sharingArrangement && (
            <Table.ScrollContainer minWidth={600}>
              <HeadedTable
                label="Transfers"
                caption={
                  <Text size="xs" c="dimmed" span>
                    The processor&apos;s country, then each sub-processor&apos;s. A transfer outside the home region is restricted: it needs a basis (GDPR chapter V).
                  </Text>
                }
                headers={['Country', 'Restricted', 'Lawful', 'Basis', 'Why']}
                empty={d.sharingArrangement.transfers.length === 0 ? 'No transfer.' : undefined}
              >
                {d.sharingArrangement.transfers.map((t, i) => (
                  <Table.Tr key={`${t.country}-${i}`}>
                    <Table.Td>{countryLabel(t.country)}</Table.Td>
                    <Table.Td>{t.restricted ? 'yes' : 'no'}</Table.Td>
                    <Table.Td>
                      {t.lawful ? (
                        'yes'
                      ) : (
                        <Text size="sm" c="red" fw={600} span>
                          no
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{basisLabel(t.basis)}</Table.Td>
                    <Table.Td>{t.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </HeadedTable>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}

/** A list's column: each transfer of the row's arrangement (`transfersOf`) as a badge, its reason on hover. */
export function transfersColumn<T>(transfersOf: (row: T) => readonly Transfer[]) {
  return createColumnHelper<T>().display({
    id: 'transfers',
    header: 'Transfers',
    cell: (i) => (
      <Group gap={4} aria-label="Transfers">
        {transfersOf(i.row.original).map((t, n) => (
          <TransferBadge key={`${t.country}-${n}`} transfer={t} />
        ))}
      </Group>
    ),
  });
}
