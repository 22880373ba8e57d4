import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, List, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { graphql } from '../../gql';
import type { Lifecycle } from '../../gql/graphql';
import { RouterLink } from '../../components/links';
import { ErrorMessage } from '../../components/QueryState';
import { FormSection } from '../../components/forms/FormSection';
import { notifySaved } from '../../components/forms/notify';
import { LIFECYCLE_LABELS } from '../../components/vocabulary';
import { reloadingWhenStale } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { RegistrableTeamsQuery, ServiceFields, useServiceForm } from './service-form';
import { Section } from '../../components/Section';
import { NoticeSettingsPanel } from './NoticeSettingsPanel';
import { DpiaRequirementPanel } from './DpiaRequirementPanel';

export interface OverviewService {
  key: string;
  name: string;
  description: string | null;
  lifecycle: Lifecycle;
  servesMinors: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  viewerCanEdit: boolean;
  securityMeasures: readonly string[];
  team: { key: string; name: string };
  policy: { key: string; title: string } | null;
}

/** The service's details, security measures and service policy; those who may change them edit them here. */
export function ServiceOverviewTab({ service, onChanged }: { service: OverviewService; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <Stack>
      {editing ? (
        <ServiceDetailsForm service={service} onDone={() => setEditing(false)} onChanged={onChanged} />
      ) : (
        <Stack gap="xs">
          {service.description && <Text>{service.description}</Text>}
          <Text size="sm">
            <b>Team:</b> {service.team.name} ({service.team.key}) · <b>Lifecycle:</b> {LIFECYCLE_LABELS[service.lifecycle]} · <b>Serves minors:</b>{' '}
            {service.servesMinors ? 'yes' : 'no'}
          </Text>
          <Text size="sm">
            <b>Registered:</b> {formatDateTime(service.createdAt)} · <b>Updated:</b> {formatDateTime(service.updatedAt)} · <b>Version:</b> {service.version}
          </Text>
          {service.viewerCanEdit && (
            <Group>
              <Button variant="default" size="sm" onClick={() => setEditing(true)}>
                Edit details
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <DpiaRequirementPanel serviceKey={service.key} />
      <ServicePolicyPanel service={service} />
      <SecurityMeasuresPanel service={service} />
      <NoticeSettingsPanel serviceKey={service.key} />
    </Stack>
  );
}

export const UpdateServiceMutation = graphql(`
  mutation UpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) {
      id
      key
      version
      updatedAt
    }
  }
`);

function ServiceDetailsForm({ service, onDone, onChanged }: { service: OverviewService; onDone: () => void; onChanged: () => void }) {
  const { data } = useQuery(RegistrableTeamsQuery);
  const form = useServiceForm(
    {
      key: service.key,
      name: service.name,
      teamKey: service.team.key,
      description: service.description ?? '',
      lifecycle: service.lifecycle,
      servesMinors: service.servesMinors,
    },
    { withKey: false },
  );
  const [update] = useMutation(UpdateServiceMutation);
  // Moving to another team needs a say in both: offer the teams the viewer may register into, and the current one.
  const teams = (data?.teams ?? []).filter((t) => t.viewerCanRegisterServices || t.key === service.team.key);
  return (
    <FormSection form={form}
      title={`Edit ${service.name}`}
      action={async (v) => {
        await reloadingWhenStale(
          update({
            variables: {
              input: {
                key: service.key,
                expectedVersion: service.version,
                name: v.name.trim(),
                description: v.description.trim() || null,
                lifecycle: v.lifecycle,
                servesMinors: v.servesMinors,
                ...(v.teamKey !== service.team.key ? { teamKey: v.teamKey } : {}),
              },
            },
          }),
          onChanged,
        );
        notifySaved(`The details of ${v.name.trim()} are saved.`);
        onChanged();
        onDone();
      }}
      errorTitle="The details were not saved"
      submitLabel="Save details"
      onCancel={onDone}
    >
      <ServiceFields form={form} teams={teams.length ? teams : [service.team]} withKey={false} />
    </FormSection>
  );
}

export const CreateServicePolicyMutation = graphql(`
  mutation CreateServicePolicy($input: CreatePolicyInput!) {
    createPolicy(input: $input) {
      id
      key
      title
    }
  }
`);

function ServicePolicyPanel({ service }: { service: OverviewService }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [create] = useMutation(CreateServicePolicyMutation);
  const form = useForm({
    mode: 'controlled',
    initialValues: { key: `${service.key}-policy`, title: `${service.name} service policy` },
    validate: { key: (v: string) => (v.trim() ? null : 'Enter a key.'), title: (v: string) => (v.trim() ? null : 'Enter a title.') },
  });
  if (service.policy) {
    return (
      <Text size="sm">
        <b>Service policy:</b> <RouterLink to={`/policies/${service.policy.key}`}>{service.policy.title}</RouterLink>
        {service.viewerCanEdit ? ' (draft a new version there; a privacy officer publishes it)' : ''}
      </Text>
    );
  }
  if (!creating) {
    return (
      <Group gap="sm">
        <Text size="sm">
          <b>Service policy:</b> none: the global policy applies alone.
        </Text>
        {service.viewerCanEdit && (
          <Button size="xs" variant="default" onClick={() => setCreating(true)}>
            Create a service policy
          </Button>
        )}
      </Group>
    );
  }
  return (
    <FormSection form={form}
      title="Create a service policy"
      intro="A service policy applies where it departs from the global policy; a weaker clause opens a conflict an officer reviews. You draft its first version next."
      action={async (v) => {
        await create({ variables: { input: { key: v.key.trim(), title: v.title.trim(), scope: 'SERVICE', serviceKey: service.key } } });
        notifySaved(`${v.title.trim()} is created: draft its first version.`, 'Service policy created');
        navigate(`/policies/${v.key.trim()}?edit=1`);
      }}
      errorTitle="The service policy was not created"
      submitLabel="Create and draft"
      onCancel={() => setCreating(false)}
    >
      <TextInput label="Key" withAsterisk {...form.getInputProps('key')} />
      <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
    </FormSection>
  );
}

export const SetSecurityMeasuresMutation = graphql(`
  mutation SetSecurityMeasures($serviceKey: String!, $measures: [String!]!) {
    setSecurityMeasures(serviceKey: $serviceKey, measures: $measures) {
      id
      key
      securityMeasures
    }
  }
`);

function SecurityMeasuresPanel({ service }: { service: OverviewService }) {
  const [measures, setMeasures] = useState<string[]>([...service.securityMeasures]);
  const [save, { loading, error }] = useMutation(SetSecurityMeasuresMutation);
  const changed = measures.join('\n') !== service.securityMeasures.join('\n');
  return (
    <Section
      title="Security measures"
      intro="The technical and organisational measures that protect this service's data (GDPR Art. 30(1)(g)); they appear in the record of processing."
    >
        {service.viewerCanEdit ? (
          <>
            <TagsInput
              label="Measures"
              description="Type a measure and press Enter; remove one with its ✕."
              value={measures}
              onChange={setMeasures}
              splitChars={[]}
            />
            <ErrorMessage error={error} title="The measures were not saved" />
            <Group justify="flex-end">
              {changed && (
                <Button variant="default" onClick={() => setMeasures([...service.securityMeasures])}>
                  Undo changes
                </Button>
              )}
              <Button
                loading={loading}
                disabled={!changed}
                onClick={() =>
                  void save({ variables: { serviceKey: service.key, measures } })
                    .then(() => notifySaved('The security measures are saved.'))
                    .catch(() => undefined)
                }
              >
                Save measures
              </Button>
            </Group>
          </>
        ) : service.securityMeasures.length ? (
          <List size="sm">
            {service.securityMeasures.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            None recorded.
          </Text>
        )}
    </Section>
  );
}
