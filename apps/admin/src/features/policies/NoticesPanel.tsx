import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { earliestEffectiveAtFor, type NoticeChannel } from '@canopy/domain';
import { graphql } from '../../gql';
import { CHANNEL_LABELS, channelList } from '../../components/notice-channels';
import { NoticeChannelsField } from '../../components/forms/NoticeChannelsField';
import { DeliveryCells } from '../../components/DeliveryStatusBadge';
import { InstantInput } from '../../components/forms/DateFields';
import { ConfirmDialog } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { formatDate, formatDateTime } from '../../lib/format';

export const VersionNoticesQuery = graphql(`
  query VersionNotices($key: String!) {
    policy(key: $key) {
      id
      key
      versions {
        id
        notices { id channels issuedAt plannedEffectiveAt text voided deliveries { channel recipient status attempts lastError sentAt } }
      }
    }
  }
`);

export const IssueNoticeMutation = graphql(`
  mutation IssueNotice($input: IssueNoticeInput!) {
    issueNotice(input: $input) { id text }
  }
`);

/** How often delivery status is asked again while an e-mail is pending: plain polling, no open connection. */
export const DELIVERY_POLL_MS = 5000;

/**
 * The notices of a version (DESIGN.md section 8): an officer issues one
 * before publishing a material reduction; Canopy generates its text, sends
 * it, and this panel shows each delivery, polling while any is pending.
 */
export function NoticesPanel({
  policyKey,
  versionId,
  weakened,
  noticeDays,
  canIssue,
}: {
  policyKey: string;
  versionId: string;
  weakened: readonly string[];
  /** Of the global version in force now (`noticePeriodOf`). */
  noticeDays: number;
  canIssue: boolean;
}) {
  const { data, refetch, startPolling, stopPolling } = useQuery(VersionNoticesQuery, { variables: { key: policyKey } });
  const notices = data?.policy?.versions.find((v) => v.id === versionId)?.notices ?? [];
  const pending = notices.some((n) => n.deliveries.some((d) => d.status === 'PENDING'));
  const valid = notices.filter((n) => !n.voided).map((n) => ({ ...n, issuedAt: new Date(n.issuedAt), plannedEffectiveAt: new Date(n.plannedEffectiveAt), voided: false }));
  const earliest = valid.length ? earliestEffectiveAtFor(valid, noticeDays) : null;
  useEffect(() => {
    if (pending) startPolling(DELIVERY_POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);

  return (
    <Paper withBorder p="md" component="section" aria-label="Notices">
      <Stack>
        <Title order={3} size="h5">
          Notices to users
        </Title>
        {notices.length === 0 && (
          <Text size="sm" c="dimmed">
            No notice issued for this version.
          </Text>
        )}
        {notices.map((n) => (
          <Stack key={n.id} gap="xs" data-testid="notice">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Issued {formatDateTime(n.issuedAt)} by {channelList(n.channels)}, for {formatDate(n.plannedEffectiveAt)}
              </Text>
              {n.voided && <Badge color="gray">voided: drafted again</Badge>}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.text}
            </Text>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Recipient</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Sent</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {n.deliveries.map((d) => (
                  <Table.Tr key={`${d.channel}:${d.recipient}`}>
                    <Table.Td>{CHANNEL_LABELS[d.channel as NoticeChannel] ?? d.channel}</Table.Td>
                    <Table.Td>{d.recipient}</Table.Td>
                    <DeliveryCells status={d.status} lastError={d.lastError} attempts={d.attempts} at={d.sentAt} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        {earliest && (
          <Alert color="teal" variant="light" data-testid="earliest-effective">
            These notices allow publishing with an effective date from {formatDateTime(earliest.toISOString())} ({noticeDays} days after the notice, and not before its planned date).
          </Alert>
        )}
        {canIssue && <IssueNoticeForm versionId={versionId} weakened={weakened} onIssued={() => void refetch()} />}
      </Stack>
    </Paper>
  );
}

function IssueNoticeForm({ versionId, weakened, onIssued }: { versionId: string; weakened: readonly string[]; onIssued: () => void }) {
  const [channels, setChannels] = useState<NoticeChannel[]>([]);
  const [planned, setPlanned] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [issue] = useMutation(IssueNoticeMutation);
  const submit = async () => {
    if (!planned) return;
    await issue({ variables: { input: { policyVersionId: versionId, channels, plannedEffectiveAt: planned, message: message.trim() || null } } });
    notifySaved('The notice is issued; its e-mails are on their way.', 'Notice issued');
    onIssued();
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <NoticeChannelsField label="Issue a notice by" value={channels} onChange={setChannels} />
        <InstantInput label="Planned effective date" value={planned} onChange={setPlanned} w={240} required />
      </Group>
      <Textarea label="Message to users (optional)" value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={4000} autosize minRows={2} />
      <Group justify="flex-end">
        <Button variant="light" onClick={() => setConfirming(true)} disabled={!planned || channels.length === 0}>
          Review and issue the notice
        </Button>
      </Group>
      <ConfirmDialog opened={confirming} onClose={() => setConfirming(false)} title="Issue this notice?" confirmLabel="Issue the notice" color="blue" errorTitle="The notice was not issued" onConfirm={submit}>
        <Alert color="blue" variant="light">
          <Text size="sm">
            Canopy sends it now by {channelList(channels)}, dated by the server's clock. Its text says the changes take effect on {formatDate(planned)} at the
            earliest, lists what gets weaker{weakened.length ? ` (${weakened.join(', ')})` : ''}, then your message:
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt="xs">
            {message.trim() || '(no message)'}
          </Text>
        </Alert>
      </ConfirmDialog>
    </Stack>
  );
}
