import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Button, Checkbox, Group, MultiSelect, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getFragmentData, graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { ConfirmButton } from '../../components/forms/ConfirmDialog';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { ROLE_OPTIONS, optionsOf } from '../../components/vocabulary';
import { useViewer } from '../../app/session';
import { plural } from '../../lib/format';

export const AdminUser_user = graphql(`
  fragment AdminUser_user on User {
    id
    email
    name
    roles
    active
    teams {
      id
      key
      name
    }
  }
`);

export const AdminUsersQueryDocument = graphql(`
  query AdminUsers {
    users {
      ...AdminUser_user
    }
    teams {
      id
      key
      name
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($email: String!, $name: String!, $roles: [Role!]!, $teamKeys: [String!]) {
    createUser(email: $email, name: $name, roles: $roles, teamKeys: $teamKeys) {
      ...AdminUser_user
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($email: String!, $name: String, $roles: [Role!], $teamKeys: [String!]) {
    updateUser(email: $email, name: $name, roles: $roles, teamKeys: $teamKeys) {
      ...AdminUser_user
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($email: String!) {
    deactivateUser(email: $email) {
      id
      active
    }
  }
`);

export const SetPasswordMutation = graphql(`
  mutation SetUserPassword($email: String!, $password: String!) {
    setPassword(email: $email, password: $password)
  }
`);

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: readonly Role[];
  active: boolean;
  teams: readonly { key: string; name: string }[];
}

interface UserValues {
  email: string;
  name: string;
  roles: Role[];
  teamKeys: string[];
}

function useUserForm(initial: UserValues) {
  return useForm<UserValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      email: (v) => (v.trim() ? null : 'Enter the e-mail address the person signs in with.'),
      name: (v) => (v.trim() ? null : 'Enter a name.'),
      roles: (v) => (v.length ? null : 'Choose at least one role.'),
    },
  });
}

function UserFields({ form, teams, withEmail }: { form: ReturnType<typeof useUserForm>; teams: readonly { key: string; name: string }[]; withEmail: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {withEmail && <TextInput label="E-mail" type="email" withAsterisk {...form.getInputProps('email')} />}
      <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
      <Checkbox.Group label="Roles" withAsterisk {...form.getInputProps('roles')}>
        <Group mt="xs">
          {optionsOf(ROLE_OPTIONS).map((r) => (
            <Checkbox key={r.value} value={r.value} label={r.label} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect label="Teams" searchable description="Engineers edit their teams' services." data={teams.map((t) => ({ value: t.key, label: `${t.name} (${t.key})` }))} {...form.getInputProps('teamKeys')} />
    </SimpleGrid>
  );
}

function CreateUserForm({ teams, onDone }: { teams: readonly { key: string; name: string }[]; onDone: () => void }) {
  const form = useUserForm({ email: '', name: '', roles: [], teamKeys: [] });
  const [create] = useMutation(CreateUserMutation, { refetchQueries: [AdminUsersQueryDocument] });
  return (
    <FormSection form={form}
      title="Create a user"
      intro="The person signs in once you set a password (Set password) or with an API token you create for them."
      action={async (v) => {
        await create({ variables: { email: v.email.trim(), name: v.name.trim(), roles: v.roles, teamKeys: v.teamKeys } });
        notifySaved(`${v.name.trim()} (${v.email.trim()}) is created.`, 'User created');
        onDone();
      }}
      errorTitle="The user was not created"
      submitLabel="Create user"
      onCancel={onDone}
    >
      <UserFields form={form} teams={teams} withEmail />
    </FormSection>
  );
}

function EditUserForm({ user, teams, onDone }: { user: UserRow; teams: readonly { key: string; name: string }[]; onDone: () => void }) {
  const form = useUserForm({ email: user.email, name: user.name, roles: [...user.roles], teamKeys: user.teams.map((t) => t.key) });
  const [update] = useMutation(UpdateUserMutation);
  return (
    <FormSection form={form}
      title={`Edit ${user.name} (${user.email})`}
      action={async (v) => {
        await update({ variables: { email: user.email, name: v.name.trim(), roles: v.roles, teamKeys: v.teamKeys } });
        notifySaved(`${v.name.trim()} is saved.`, 'User saved');
        onDone();
      }}
      errorTitle="The user was not saved"
      submitLabel="Save user"
      onCancel={onDone}
    >
      <UserFields form={form} teams={teams} withEmail={false} />
    </FormSection>
  );
}

function SetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const form = useForm({ mode: 'controlled', initialValues: { password: '' }, validate: { password: (v: string) => (v ? null : 'Enter the new password.') } });
  const [setPassword] = useMutation(SetPasswordMutation);
  return (
    <FormSection form={form}
      title={`Set the password of ${user.name}`}
      intro="It replaces any earlier password and ends the person's other sessions; tell them through a safe channel."
      action={async (v) => {
        await setPassword({ variables: { email: user.email, password: v.password } });
        notifySaved(`The password of ${user.email} is set.`, 'Password set');
        onDone();
      }}
      errorTitle="The password was not set"
      submitLabel="Set password"
      onCancel={onDone}
    >
      <PasswordInput label="New password" description="At least 12 characters." autoComplete="new-password" withAsterisk {...form.getInputProps('password')} w={320} />
    </FormSection>
  );
}

const column = createColumnHelper<UserRow>();

export function UsersTab() {
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(AdminUsersQueryDocument, { fetchPolicy: 'cache-and-network' });
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit' | 'password'; email: string } | null>(null);
  const [deactivate] = useMutation(DeactivateUserMutation);
  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading users…">
      {(d) => {
        const users: UserRow[] = d.users.map((u) => getFragmentData(AdminUser_user, u));
        const chosen = panel && panel.kind !== 'create' ? users.find((u) => u.email === panel.email) : undefined;
        const columns = [
          column.accessor('name', { header: 'Name', cell: (i) => <Text size="sm">{i.getValue()}</Text> }),
          column.accessor('email', { header: 'E-mail' }),
          column.accessor('roles', { header: 'Roles', cell: (i) => i.getValue().map((r) => ROLE_OPTIONS[r]).join(', ') }),
          column.accessor('teams', { header: 'Teams', cell: (i) => i.getValue().map((t) => t.key).join(', ') || '—' }),
          column.accessor('active', { header: 'State', cell: (i) => (i.getValue() ? <Badge color="teal" variant="light">active</Badge> : <Badge color="gray" variant="light">deactivated</Badge>) }),
          column.display({
            id: 'actions',
            header: 'Actions',
            cell: (i) => {
              const u = i.row.original;
              if (!u.active) return null;
              return (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" aria-label={`Edit ${u.email}`} onClick={() => setPanel({ kind: 'edit', email: u.email })}>
                    Edit
                  </Button>
                  <Button size="compact-sm" variant="subtle" aria-label={`Set the password of ${u.email}`} onClick={() => setPanel({ kind: 'password', email: u.email })}>
                    Set password
                  </Button>
                  {u.id !== viewer.id && (
                    <ConfirmButton
                      label="Deactivate"
                      buttonProps={{ size: 'compact-sm', variant: 'subtle', 'aria-label': `Deactivate ${u.email}` }}
                      title={`Deactivate ${u.name}?`}
                      confirmLabel="Deactivate"
                      onConfirm={async () => {
                        await deactivate({ variables: { email: u.email } });
                        notifySaved(`${u.email} is deactivated: sign-in is blocked and every token and session is revoked.`, 'User deactivated');
                      }}
                    >
                      <Text size="sm">
                        {u.email} can no longer sign in; their API tokens and sessions are revoked at once. The console cannot reactivate the account.
                      </Text>
                    </ConfirmButton>
                  )}
                </Group>
              );
            },
          }),
        ];
        return (
          <Stack>
            {panel === null && (
              <Group>
                <Button onClick={() => setPanel({ kind: 'create' })}>Create a user</Button>
              </Group>
            )}
            {panel?.kind === 'create' && <CreateUserForm teams={d.teams} onDone={() => setPanel(null)} />}
            {panel?.kind === 'edit' && chosen && <EditUserForm user={chosen} teams={d.teams} onDone={() => setPanel(null)} />}
            {panel?.kind === 'password' && chosen && <SetPasswordForm user={chosen} onDone={() => setPanel(null)} />}
            <DataTable data={users} columns={columns} getRowId={(u) => u.id} caption={plural(users.length, 'user')} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

