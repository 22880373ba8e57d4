import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { createColumnHelper } from '@tanstack/react-table';
import { Button, Code, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { isValidSlug } from '@canopy/domain';
import { graphql } from '../../gql';
import type { AdminTeamsQuery } from '../../gql/graphql';
import { QueryState } from '../../components/QueryState';
import { DataTable } from '../../components/DataTable';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { plural } from '../../lib/format';
import { SLUG_HINT } from '../services/service-form';

export const AdminTeamsQueryDocument = graphql(`
  query AdminTeams {
    teams {
      id
      key
      name
      services {
        id
        key
      }
    }
  }
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($key: String!, $name: String!) {
    createTeam(key: $key, name: $name) {
      id
      key
      name
    }
  }
`);

type Team = AdminTeamsQuery['teams'][number];
const column = createColumnHelper<Team>();
const columns = [
  column.accessor('key', { header: 'Key', cell: (i) => <Code>{i.getValue()}</Code> }),
  column.accessor('name', { header: 'Name' }),
  column.accessor((t) => t.services.length, { id: 'services', header: 'Services' }),
];

export function TeamsTab() {
  const { data, loading, error, refetch } = useQuery(AdminTeamsQueryDocument, { fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      {creating ? (
        <CreateTeamForm onDone={() => setCreating(false)} />
      ) : (
        <Group>
          <Button onClick={() => setCreating(true)}>Create a team</Button>
        </Group>
      )}
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} loadingLabel="Loading teams…">
        {(d) => <DataTable data={[...d.teams]} columns={columns} getRowId={(t) => t.id} caption={plural(d.teams.length, 'team')} />}
      </QueryState>
    </Stack>
  );
}

function CreateTeamForm({ onDone }: { onDone: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { key: '', name: '' },
    validate: {
      key: (v: string) => (isValidSlug(v.trim()) ? null : v ? `“${v}” is not a valid key. ${SLUG_HINT}` : 'Enter a key.'),
      name: (v: string) => (v.trim() ? null : 'Enter a name.'),
    },
  });
  const [create] = useMutation(CreateTeamMutation, { refetchQueries: [AdminTeamsQueryDocument] });
  return (
    <FormSection form={form}
      title="Create a team"
      intro="Engineers of a team register and edit its services."
      action={async (v) => {
        await create({ variables: { key: v.key.trim(), name: v.name.trim() } });
        notifySaved(`Team ${v.name.trim()} is created.`, 'Team created');
        onDone();
      }}
      errorTitle="The team was not created"
      submitLabel="Create team"
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label="Key" description={SLUG_HINT} withAsterisk {...form.getInputProps('key')} />
        <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
      </SimpleGrid>
    </FormSection>
  );
}
