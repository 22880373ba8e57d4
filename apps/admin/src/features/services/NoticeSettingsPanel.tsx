import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, Switch, TagsInput, Text } from '@mantine/core';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { notifySaved } from '../../components/forms/notify';
import { fieldErrorsOf } from '../../lib/errors';

export const ServiceNoticeSettingsQuery = graphql(`
  query ServiceNoticeSettings($key: String!) {
    service(key: $key) {
      id
      key
      name
      noticeRecipients
      public
      viewerCanEdit
    }
  }
`);

export const SetNoticeRecipientsMutation = graphql(`
  mutation SetNoticeRecipients($serviceKey: String!, $recipients: [String!]!) {
    setNoticeRecipients(serviceKey: $serviceKey, recipients: $recipients) { id key noticeRecipients }
  }
`);

export const SetServicePublicMutation = graphql(`
  mutation SetServicePublic($serviceKey: String!, $public: Boolean!) {
    setServicePublic(serviceKey: $serviceKey, public: $public) { id key public }
  }
`);

interface NoticeSettings {
  key: string;
  name: string;
  noticeRecipients: readonly string[];
  public: boolean;
  viewerCanEdit: boolean;
}

/** Who gets the service's policy notices by e-mail, and whether its policy is on the public pages (DESIGN.md section 8). */
export function NoticeSettingsPanel({ serviceKey }: { serviceKey: string }) {
  const { data, error } = useQuery(ServiceNoticeSettingsQuery, { variables: { key: serviceKey } });
  const service = data?.service;
  return (
    <Section
      title="Notices and public page"
      intro="When a policy change weakens users' protection, a notice goes by e-mail to these distribution addresses and, for a public service, onto its public policy page."
    >
      <ErrorMessage error={error} title="The notice settings could not be loaded" />
      {service && (service.viewerCanEdit ? <EditableSettings service={service} /> : <ReadOnlySettings service={service} />)}
    </Section>
  );
}

function PublicPageLink({ serviceKey }: { serviceKey: string }) {
  return (
    <Anchor href={`/public/policies/${encodeURIComponent(serviceKey)}`} target="_blank" rel="noreferrer" size="sm">
      Open the public policy page
    </Anchor>
  );
}

function ReadOnlySettings({ service }: { service: NoticeSettings }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>Notice recipients:</b> {service.noticeRecipients.length ? service.noticeRecipients.join(', ') : 'none'}
      </Text>
      <Group gap="xs">
        <Text size="sm">
          <b>Public policy page:</b> {service.public ? 'on' : 'off'}
        </Text>
        {service.public && <PublicPageLink serviceKey={service.key} />}
      </Group>
    </Stack>
  );
}

function EditableSettings({ service }: { service: NoticeSettings }) {
  const [recipients, setRecipients] = useState<string[]>([...service.noticeRecipients]);
  const [saveRecipients, saving] = useMutation(SetNoticeRecipientsMutation);
  const [setPublic, publishing] = useMutation(SetServicePublicMutation);
  const changed = recipients.join('\n') !== service.noticeRecipients.join('\n');
  const recipientErrors = fieldErrorsOf(saving.error, (argument) => (argument.startsWith('recipients') ? 'recipients' : null));
  const publicErrors = fieldErrorsOf(publishing.error, (argument) => (argument === 'public' ? 'public' : null));

  const save = async () => {
    try {
      const result = await saveRecipients({ variables: { serviceKey: service.key, recipients } });
      const saved = result.data?.setNoticeRecipients.noticeRecipients ?? recipients;
      setRecipients([...saved]);
      notifySaved(saved.length ? `Notices of ${service.name} go to ${saved.join(', ')}.` : `${service.name} has no notice recipients now.`, 'Notice recipients saved');
    } catch {
      // The error is shown next to the field.
    }
  };
  const togglePublic = async (on: boolean) => {
    try {
      await setPublic({ variables: { serviceKey: service.key, public: on } });
      notifySaved(on ? `The policy of ${service.name} is on the public pages.` : `The policy of ${service.name} is no longer on the public pages.`, 'Public page updated');
    } catch {
      // The error is shown next to the switch.
    }
  };

  return (
    <Stack gap="sm">
      <TagsInput
        label="Notice recipients"
        description="E-mail addresses your team keeps for notices (e.g. a distribution list); type one and press Enter."
        value={recipients}
        onChange={setRecipients}
        splitChars={[' ', ',', ';']}
        error={recipientErrors.fields.recipients}
      />
      {recipientErrors.unplaced && <ErrorMessage error={saving.error} title="The notice recipients were not saved" />}
      <Group justify="flex-end">
        {changed && (
          <Button variant="default" onClick={() => setRecipients([...service.noticeRecipients])}>
            Undo changes
          </Button>
        )}
        <Button loading={saving.loading} disabled={!changed} onClick={() => void save()}>
          Save recipients
        </Button>
      </Group>
      <Group gap="md">
        <Switch
          label="Show this service's policy on the public pages"
          checked={service.public}
          disabled={publishing.loading}
          onChange={(e) => void togglePublic(e.currentTarget.checked)}
          error={publicErrors.fields.public}
        />
        {service.public && <PublicPageLink serviceKey={service.key} />}
      </Group>
      {publicErrors.unplaced && <ErrorMessage error={publishing.error} title="The public page setting was not saved" />}
    </Stack>
  );
}
