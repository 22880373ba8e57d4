import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Code, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { NOTIFICATION_EVENTS } from '@canopy/domain';
import { graphql } from '../../gql';
import { QueryState } from '../../components/QueryState';
import { DeliveryCells } from '../../components/DeliveryStatusBadge';
import { ConfirmButton } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { formatDateTime } from '../../lib/format';

export const WebhooksQuery = graphql(`
  query AdminWebhooks {
    webhooks { id url events active createdAt }
  }
`);
export const WebhookDeliveriesQuery = graphql(`
  query AdminWebhookDeliveries($id: ID!) {
    webhookDeliveries(webhookId: $id, first: 50) { id event status attempts lastError deliveredAt }
  }
`);
export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($url: String!, $events: [String!]!) {
    createWebhook(url: $url, events: $events) { secret webhook { id url events active createdAt } }
  }
`);
export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }
`);
export const ReplayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }
`);

/** /admin?tab=webhooks: register receivers (the secret is shown once), delete them, read and replay their deliveries. */
export function WebhooksTab() {
  const { data, loading, error, refetch } = useQuery(WebhooksQuery);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Stack>
      <CreateWebhookForm onCreated={() => void refetch()} />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ webhooks }) => (
          <Stack gap="xs" aria-label="Webhooks">
            {webhooks.map((w) => (
              <Paper key={w.id} withBorder p="xs">
                <Group justify="space-between">
                  <Text size="sm">
                    {w.url}: {w.events.join(', ')} (since {formatDateTime(w.createdAt)})
                  </Text>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setSelected(w.id)}>
                      Deliveries
                    </Button>
                    <DeleteWebhook id={w.id} url={w.url} onDeleted={() => void refetch()} />
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
      {selected && <Deliveries webhookId={selected} />}
    </Stack>
  );
}

function CreateWebhookForm({ onCreated }: { onCreated: () => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(CreateWebhookMutation);
  const submit = async () => {
    const r = await create({ variables: { url, events } });
    setSecret(r.data?.createWebhook.secret ?? null);
    notifySaved('The webhook is registered.', 'Webhook');
    onCreated();
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput label="Receiver URL" value={url} onChange={(e) => setUrl(e.currentTarget.value)} w={420} placeholder="https://hooks.example.com/canopy" />
        <Checkbox.Group label="Events" value={events} onChange={setEvents}>
          <Group mt="xs">
            {NOTIFICATION_EVENTS.map((e) => (
              <Checkbox key={e} value={e} label={e} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button onClick={() => void submit().catch(() => undefined)} loading={loading} disabled={!url || events.length === 0}>
          Register
        </Button>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {secret && (
        <Alert color="blue" title="Signing secret: shown this once">
          <Code>{secret}</Code>
        </Alert>
      )}
    </Stack>
  );
}

function DeleteWebhook({ id, url, onDeleted }: { id: string; url: string; onDeleted: () => void }) {
  const [remove] = useMutation(DeleteWebhookMutation);
  return (
    <ConfirmButton
      label="Delete"
      buttonProps={{ size: 'xs' }}
      title={`Delete the webhook to ${url}?`}
      confirmLabel="Delete"
      errorTitle="The webhook was not deleted"
      onConfirm={async () => {
        await remove({ variables: { id } });
        onDeleted();
      }}
    >
      <Text size="sm">Its pending deliveries end FAILED; its log stays readable.</Text>
    </ConfirmButton>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const { data, loading, error, refetch } = useQuery(WebhookDeliveriesQuery, { variables: { id: webhookId }, pollInterval: 10_000 });
  const [replay] = useMutation(ReplayWebhookDeliveryMutation);
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ webhookDeliveries }) => (
        <Table withTableBorder fz="sm" aria-label="Deliveries">
          <Table.Tbody>
            {webhookDeliveries.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.event}</Table.Td>
                <DeliveryCells status={d.status} lastError={d.lastError} attempts={d.attempts} at={d.deliveredAt} />
                <Table.Td>
                  {d.status !== 'PENDING' && (
                    <Button size="xs" variant="subtle" onClick={() => void replay({ variables: { id: d.id } }).then(() => refetch())}>
                      Replay
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
