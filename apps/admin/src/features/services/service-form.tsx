import { Checkbox, Select, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { isValidSlug } from '@canopy/domain';
import { graphql } from '../../gql';
import type { Lifecycle } from '../../gql/graphql';
import { LIFECYCLE_LABELS, optionsOf } from '../../components/vocabulary';

/** The teams, each saying whether the viewer may register services into it (the register and move choices). */
export const RegistrableTeamsQuery = graphql(`
  query RegistrableTeams {
    teams {
      id
      key
      name
      viewerCanRegisterServices
    }
  }
`);

export interface ServiceValues {
  key: string;
  name: string;
  teamKey: string;
  description: string;
  lifecycle: Lifecycle;
  servesMinors: boolean;
}

export const SLUG_HINT = 'Lowercase letters, digits and hyphens, starting with a letter; 2 to 63 characters.';

/** The service form's checks, in plain words next to each field (the key by the domain's slug rule). */
export function useServiceForm(initial: ServiceValues, { withKey }: { withKey: boolean }) {
  return useForm<ServiceValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      key: (v) => (!withKey || isValidSlug(v) ? null : v ? `“${v}” is not a valid key. ${SLUG_HINT}` : 'Enter a key.'),
      name: (v) => (v.trim() ? null : 'Enter a name.'),
      teamKey: (v) => (v ? null : 'Choose the team that owns the service.'),
    },
  });
}

/** Name, team, description, lifecycle and minors; the key only when registering. */
export function ServiceFields({
  form,
  teams,
  withKey,
}: {
  form: UseFormReturnType<ServiceValues>;
  teams: readonly { key: string; name: string }[];
  withKey: boolean;
}) {
  return (
    <>
      {withKey && <TextInput label="Key" description={`Identifies the service in URLs, manifests and the CLI. ${SLUG_HINT}`} withAsterisk {...form.getInputProps('key')} />}
      <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
      <Select
        label="Team"
        description="The team that owns the service: its engineers edit it."
        data={teams.map((t) => ({ value: t.key, label: `${t.name} (${t.key})` }))}
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('teamKey')}
      />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      <Select label="Lifecycle" data={optionsOf(LIFECYCLE_LABELS)} allowDeselect={false} {...form.getInputProps('lifecycle')} />
      <Checkbox label="Serves minors" description="Sensitive data then needs consent from a guardian (MINORS clauses)." {...form.getInputProps('servesMinors', { type: 'checkbox' })} />
    </>
  );
}
