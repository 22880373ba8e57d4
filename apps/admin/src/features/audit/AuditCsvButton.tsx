import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { AuditEventFilter } from '../../gql/graphql';
import { ErrorMessage } from '../../components/QueryState';
import { notifySaved } from '../../components/forms/notify';
import { downloadFile, fileStamp } from '../../lib/download';
import { plural } from '../../lib/format';
import { auditCsv, fetchAuditEvents } from './audit-export';

/** Downloads every audit event the filter matches as CSV, saying how far it got. */
export function AuditCsvButton({ filter, label = 'Download CSV' }: { filter: AuditEventFilter; label?: string }) {
  const client = useApolloClient();
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const events = await fetchAuditEvents(client, filter, (loaded, total) => setProgress(`Read ${loaded} of ${total} events…`));
      downloadFile(`canopy-audit-log-${fileStamp(new Date().toISOString())}.csv`, auditCsv(events), 'text/csv;charset=utf-8');
      notifySaved(`${plural(events.length, 'audit event')} downloaded as CSV.`, 'Audit log downloaded');
      setProgress(null);
    } catch (e) {
      setError(e);
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Button variant="default" loading={busy} onClick={() => void download()}>
          {label}
        </Button>
        {progress && (
          <Text size="sm" c="dimmed" role="status">
            {progress}
          </Text>
        )}
      </Group>
      <ErrorMessage error={error} title="The audit log was not downloaded" />
    </Stack>
  );
}
