import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Section } from '../../components/Section';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/links';
import { InstantInput } from '../../components/forms/DateFields';
import { notifySaved } from '../../components/forms/notify';
import { downloadFile, fileStamp, toJsonFile } from '../../lib/download';
import { formatDateTime, plural } from '../../lib/format';
import { AuditCsvButton } from '../audit/AuditCsvButton';
import { ropaCsv, type RecordOfProcessing } from './ropa-export';

export const ExportRopaQueryDocument = graphql(`
  query ExportRopa($at: DateTime) {
    recordOfProcessing(at: $at) {
      at
      generatedAt
      homeRegion {
        name
        countries
        isDefault
      }
      activities {
        serviceKey
        serviceName
        serviceDescription
        teamKey
        lifecycle
        purpose
        purposeName
        legalBases
        dataSubjects
        dataCategories {
          key
          name
          sensitive
          dataSubjects
          legalBasis
          source
          encryption
        }
        recipients {
          arrangementId
          processorKey
          processorName
          country
          outsideHomeRegion
          transferMechanism
          dataCategories
          legalBasis
          approvedAt
        }
        transfers {
          recipient
          country
          restricted
          lawful
          basis
        }
        dpia {
          summary
          criteria
        }
        erasureTimeLimits {
          dataCategory
          retentionDays
          policyLimit
          description
        }
        securityMeasures
        gaps
      }
    }
  }
`);

type Activity = RecordOfProcessing['activities'][number];
const column = createColumnHelper<Activity>();
const columns = [
  column.accessor('serviceName', { header: 'Service', cell: (i) => <RouterLink to={`/services/${i.row.original.serviceKey}`}>{i.getValue()}</RouterLink> }),
  column.accessor('purposeName', { header: 'Purpose', cell: (i) => `${i.getValue()} (${i.row.original.purpose})` }),
  column.accessor((a) => a.dataCategories.map((c) => c.key).join(', '), { id: 'categories', header: 'Data categories' }),
  column.accessor((a) => a.recipients.map((r) => `${r.processorName} (${r.country})`).join(', ') || '—', { id: 'recipients', header: 'Recipients' }),
  column.accessor((a) => a.gaps.length, { id: 'gaps', header: 'Gaps', cell: (i) => (i.getValue() ? plural(i.getValue(), 'gap') : 'none') }),
];

/** /exports: the record of processing as of any instant (CSV, JSON) and the audit log (CSV), for auditors, officers and admins. */
export function ExportsPage() {
  const [at, setAt] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(ExportRopaQueryDocument, { variables: { at }, fetchPolicy: 'network-only' });
  const download = (record: RecordOfProcessing, format: 'csv' | 'json') => {
    const name = `canopy-ropa-${fileStamp(record.at)}.${format}`;
    if (format === 'csv') downloadFile(name, ropaCsv(record), 'text/csv;charset=utf-8');
    else downloadFile(name, toJsonFile(record), 'application/json');
    notifySaved(`The record of processing as of ${formatDateTime(record.at)} is downloaded (${format.toUpperCase()}).`, 'Downloaded');
  };
  return (
    <Stack>
      <Title order={2}>Exports</Title>
      <Section
        title="Record of processing activities"
        label="Record of processing"
        intro="GDPR Art. 30(1): one activity per service and purpose, from the policies published and the arrangements approved at that instant."
      >
          <InstantInput label="As of" description="Leave empty for now." value={at} onChange={setAt} w={260} />
          <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Building the record…">
            {(d) => {
              const record = d.recordOfProcessing;
              return (
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Text size="sm" fw={500} data-testid="ropa-summary">
                      {plural(record.activities.length, 'processing activity', 'processing activities')} as of {formatDateTime(record.at)}
                    </Text>
                    <Group gap="xs">
                      <Button onClick={() => download(record, 'csv')}>Download CSV</Button>
                      <Button variant="default" onClick={() => download(record, 'json')}>
                        Download JSON
                      </Button>
                    </Group>
                  </Group>
                  <DataTable
                    data={[...record.activities]}
                    columns={columns}
                    getRowId={(a) => `${a.serviceKey}:${a.purpose}`}
                    caption={`The record as of ${formatDateTime(record.at)}, home region ${record.homeRegion.name}`}
                    empty="No processing activity at that instant."
                  />
                </Stack>
              );
            }}
          </QueryState>
      </Section>
      <Section
        title="Audit log"
        label="Audit log export"
        intro={
          <>
            Every event, oldest first, with its hash and before/after snapshots. To download only some events, filter them on the{' '}
            <RouterLink to="/audit">audit log</RouterLink> and download from there.
          </>
        }
      >
        <AuditCsvButton filter={{}} label="Download the whole audit log (CSV)" />
      </Section>
    </Stack>
  );
}
