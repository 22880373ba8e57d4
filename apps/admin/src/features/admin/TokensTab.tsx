import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Alert, Badge, Button, Code, CopyButton, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { graphql } from '../../gql';
import type { AdminTokensQuery } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { ConfirmButton } from '../../components/forms/ConfirmDialog';
import { DayInput } from '../../components/forms/DateFields';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { useViewer } from '../../app/session';
import { formatDate, formatDateTime, plural } from '../../lib/format';

export const AdminTokensQueryDocument = graphql(`
  query AdminTokens($userEmail: String) {
    apiTokens(userEmail: $userEmail) {
      id
      name
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
    users {
      id
      email
      name
      active
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $userEmail: String, $expiresAt: DateTime) {
    createApiToken(name: $name, userEmail: $userEmail, expiresAt: $expiresAt) {
      id
      name
      token
      expiresAt
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

type Token = AdminTokensQuery['apiTokens'][number];
const column = createColumnHelper<Token>();

function stateOf(t: Token, now: number) {
  if (t.revokedAt) return <Badge color="gray" variant="light">revoked {formatDate(t.revokedAt)}</Badge>;
  if (t.expiresAt && new Date(t.expiresAt).getTime() <= now) return <Badge color="gray" variant="light">expired</Badge>;
  return <Badge color="teal" variant="light">active</Badge>;
}

/** The plaintext token, shown this once, with a copy button. */
function NewToken({ created, onDone }: { created: { name: string; token: string }; onDone: () => void }) {
  return (
    <Alert color="teal" title={`Token “${created.name}” created: copy it now`} role="status">
      <Stack gap="xs">
        <Text size="sm">It is shown only this once; Canopy keeps only its hash. Store it where the script or person that uses it keeps secrets.</Text>
        <Group gap="xs" wrap="nowrap">
          <Code data-testid="new-token" style={{ wordBreak: 'break-all' }}>
            {created.token}
          </Code>
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button size="xs" variant="subtle" onClick={onDone}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ userEmail, onCreated, onCancel }: { userEmail: string; onCreated: (t: { name: string; token: string }) => void; onCancel: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', expiresAt: null as string | null },
    validate: { name: (v: string) => (v.trim() ? null : 'Name the token after what uses it, e.g. “CI for maps”.') },
  });
  const [create] = useMutation(CreateApiTokenMutation, { refetchQueries: [AdminTokensQueryDocument] });
  return (
    <FormSection form={form}
      title={`Create a token for ${userEmail}`}
      intro="A token acts with its user's roles, from scripts and the CLI."
      action={async (v) => {
        const { data } = await create({ variables: { name: v.name.trim(), userEmail, expiresAt: v.expiresAt } });
        onCreated({ name: data!.createApiToken.name, token: data!.createApiToken.token });
        notifySaved(`Token ${v.name.trim()} is created: copy it now.`, 'Token created');
      }}
      errorTitle="The token was not created"
      submitLabel="Create token"
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Token name" withAsterisk {...form.getInputProps('name')} />
        <DayInput label="Expires" description="Leave empty for a token that does not expire." value={form.getValues().expiresAt} onChange={(v) => form.setFieldValue('expiresAt', v)} />
      </SimpleGrid>
    </FormSection>
  );
}

export function TokensTab() {
  const viewer = useViewer();
  const [userEmail, setUserEmail] = useState(viewer.email);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [now] = useState(() => Date.now());
  const { data, loading, error, refetch } = useQuery(AdminTokensQueryDocument, { variables: { userEmail }, fetchPolicy: 'cache-and-network' });
  const [revoke] = useMutation(RevokeApiTokenMutation, { refetchQueries: [AdminTokensQueryDocument] });
  const columns = [
    column.accessor('name', { header: 'Name' }),
    column.accessor('createdAt', { header: 'Created', cell: (i) => formatDateTime(i.getValue()) }),
    column.accessor('expiresAt', { header: 'Expires', cell: (i) => (i.getValue() ? formatDate(i.getValue()) : 'never') }),
    column.accessor('lastUsedAt', { header: 'Last used', cell: (i) => (i.getValue() ? formatDateTime(i.getValue()) : 'never') }),
    column.display({ id: 'state', header: 'State', cell: (i) => stateOf(i.row.original, now) }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: (i) => {
        const t = i.row.original;
        if (t.revokedAt) return null;
        return (
          <ConfirmButton
            label="Revoke"
            buttonProps={{ size: 'compact-sm', variant: 'subtle', 'aria-label': `Revoke token ${t.name}` }}
            title={`Revoke the token “${t.name}”?`}
            confirmLabel="Revoke token"
            onConfirm={async () => {
              await revoke({ variables: { id: t.id } });
              notifySaved(`Token ${t.name} is revoked.`, 'Token revoked');
            }}
          >
            <Text size="sm">Every script or person using it is refused from now on. A revoked token cannot be restored: create a new one if needed.</Text>
          </ConfirmButton>
        );
      },
    }),
  ];
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Tokens of"
          searchable
          allowDeselect={false}
          data={(data?.users ?? [{ id: viewer.id, email: viewer.email, name: viewer.name, active: true }]).map((u) => ({ value: u.email, label: `${u.name} (${u.email})${u.active ? '' : ', deactivated'}` }))}
          value={userEmail}
          onChange={(v) => {
            setUserEmail(v ?? viewer.email);
            setCreated(null);
            setCreating(false);
          }}
          w={360}
        />
        {!creating && <Button onClick={() => setCreating(true)}>Create a token</Button>}
      </Group>
      {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      {creating && (
        <CreateTokenForm
          userEmail={userEmail}
          onCreated={(t) => {
            setCreated(t);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading tokens…">
        {(d) => <DataTable data={[...d.apiTokens]} columns={columns} getRowId={(t) => t.id} caption={`${plural(d.apiTokens.length, 'API token')} of ${userEmail}`} empty="No API token yet." />}
      </QueryState>
    </Stack>
  );
}
