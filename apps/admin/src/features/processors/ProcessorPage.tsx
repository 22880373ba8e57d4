import { useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { mayManageProcessors } from '@canopy/domain';
import { useViewer } from '../../app/session';
import { TRANSFER_MECHANISM_LABELS } from '../../components/vocabulary';
import { getFragmentData, graphql } from '../../gql';
import { ProcessorForm_processor } from './processor-form';
import { RecordState } from '../../components/RecordState';
import { PageHeading } from '../../components/PageHeading';
import { DataTable } from '../../components/DataTable';
import { NotFoundAlert } from '../../components/NotFoundAlert';
import { useTaxonomy } from '../../components/taxonomy';
import { DpaBadge } from '../../components/DpaBadge';
import { formatDate } from '../../lib/format';
import { sharingColumns, unmaskSharingRow } from '../sharing/SharingRow';

export const ProcessorPageQuery = graphql(`
  query ProcessorPage($key: String!) {
    processor(key: $key) {
      id
      key
      ...ProcessorForm_processor
      sharingArrangements {
        id
        ...SharingRow_arrangement
      }
    }
  }
`);

export function ProcessorPage() {
  const { key = '' } = useParams();
  const result = useQuery(ProcessorPageQuery, { variables: { key } });
  const { isSensitive } = useTaxonomy();
  const mayEdit = mayManageProcessors(useViewer());
  return (
    <RecordState result={result} loadingLabel="Loading the processor…" pick={(d) => d.processor} notFound={<NotFoundAlert what="processor" keyValue={key} back="/processors" backLabel="All processors" />}>
      {(processor) => {
        const p = { ...getFragmentData(ProcessorForm_processor, processor), sharingArrangements: processor.sharingArrangements };
        return (
          <Stack>
            <PageHeading
              up={{ to: '/processors', label: 'Processors' }}
              here={p.key}
              title={p.name}
              asideJustify="space-between"
              aside={
                mayEdit && (
                  <Group gap="xs">
                    <Button component={Link} to={`/processors/${p.key}/edit#dpa`} variant="default">
                      Renew DPA
                    </Button>
                    <Button component={Link} to={`/processors/${p.key}/edit`}>
                      Edit processor
                    </Button>
                  </Group>
                )
              }
            />
            <Paper withBorder p="md">
              <Stack gap={6}>
                <Group gap="xs">
                  <Text size="sm">Data-processing agreement:</Text>
                  <DpaBadge processor={p} />
                </Group>
                <Text size="sm">
                  Signed {formatDate(p.dpaSignedAt)} · expires {p.dpaExpiresAt ? formatDate(p.dpaExpiresAt) : 'never'}
                </Text>
                <Text size="sm">Country: {p.country}</Text>
                <Text size="sm">Contact: {p.contactEmail ?? '—'}</Text>
                {p.dpaReference && <Text size="sm">DPA reference: {p.dpaReference}</Text>}
                <Text size="sm">Transfer mechanism: {p.transferMechanism ? TRANSFER_MECHANISM_LABELS[p.transferMechanism] : 'none recorded'}</Text>
                <Text size="sm">Certifications: {p.certifications.join(', ') || 'none'}</Text>
                <Text size="sm">
                  Sub-processors: {p.subProcessors.length ? p.subProcessors.map((s) => `${s.name} (${s.country}${s.purpose ? `, ${s.purpose}` : ''})`).join('; ') : 'none listed'}
                </Text>
              </Stack>
            </Paper>
            <DataTable
              data={p.sharingArrangements.map(unmaskSharingRow)}
              columns={sharingColumns(isSensitive)}
              getRowId={(r) => r.id}
              caption="Arrangements with this processor"
              empty="No service shares data with this processor."
            />
          </Stack>
        );
      }}
    </RecordState>
  );
}
