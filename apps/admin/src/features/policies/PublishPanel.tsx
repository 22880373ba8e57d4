import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { graphql } from '../../gql';
import { inForceFrom, versionsNeverInForce, type NoticeChannel, type NoticePeriod } from '@canopy/domain';
import { NoticeChannelsField } from '../../components/forms/NoticeChannelsField';
import { formatDate, formatDateTime } from '../../lib/format';
import { InstantInput } from '../../components/forms/DateFields';
import { ConfirmDialog } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { explainNotice } from './notice-explanation';

export const PublishPolicyVersionMutation = graphql(`
  mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {
    publishPolicyVersion(input: $input) {
      id
      number
      status
      effectiveAt
      publishedAt
    }
  }
`);

/**
 * Publishing a draft: the domain's notice requirement is computed and
 * explained as the officer fills the form (the server checks the same rule
 * again and answers NOTICE_REQUIRED with the earliest allowed date).
 */
export function PublishPanel({
  policyKey,
  number,
  materialReduction,
  weakened,
  noticePeriod,
  draftCreatedAt = null,
  published = [],
  onPublished,
}: {
  policyKey: string;
  number: number;
  materialReduction: boolean;
  weakened: readonly string[];
  /** Of the global version in force now (`noticePeriodOf`). */
  noticePeriod: NoticePeriod;
  /** When the draft was created: a notice sent before it cannot count. */
  draftCreatedAt?: string | null;
  /** The policy's published versions, scheduled ones included: the form warns when the chosen date means one never takes effect. */
  published?: readonly { number: number; inForceFrom: string | null }[];
  onPublished: () => void;
}) {
  const [effectiveAt, setEffectiveAt] = useState<string | null>(null);
  const [noticeAt, setNoticeAt] = useState<string | null>(null);
  const [evidence, setEvidence] = useState('');
  const [channels, setChannels] = useState<NoticeChannel[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [publish] = useMutation(PublishPolicyVersionMutation);
  const requirement = explainNotice({ materialReduction, weakened, noticePeriod, effectiveAt, noticeAt, channels, draftCreatedAt });
  const neverInForce = effectiveAt
    ? versionsNeverInForce(
        published.map((v) => ({ number: v.number, inForceFrom: v.inForceFrom ? new Date(v.inForceFrom) : null })),
        inForceFrom(new Date(effectiveAt), new Date()),
      )
    : [];

  const submit = async () => {
    if (!effectiveAt) return;
    await publish({
      variables: {
        input: {
          policyKey,
          number,
          effectiveAt,
          ...((materialReduction && channels.length) || (noticeAt && channels.length) ? { notice: { channels, noticeAt: noticeAt ?? new Date().toISOString(), evidence: evidence.trim() || null } } : {}),
        },
      },
    });
    notifySaved(`Version ${number} is published.`, 'Published');
    onPublished();
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Publish">
      <Stack>
        <Title order={3} size="h5">
          Publish version {number}
        </Title>
        <Group align="flex-end">
          <InstantInput label="Takes effect" description="A past date means now." value={effectiveAt} onChange={setEffectiveAt} w={240} required />
        </Group>
        {materialReduction && (
          <Group align="flex-end">
            <NoticeChannelsField label="Notice channels" value={channels} onChange={setChannels} />
            <InstantInput label="Notice sent" value={noticeAt} onChange={setNoticeAt} w={240} />
            <TextInput
              label="Evidence of the notice"
              description="A reference or URL; leave the notice fields empty to publish on a notice issued above."
              value={evidence}
              onChange={(e) => setEvidence(e.currentTarget.value)}
              maxLength={2000}
              w={360}
            />
          </Group>
        )}
        {neverInForce.length > 0 && (
          <Alert color="orange" title={`${neverInForce.length === 1 ? 'A scheduled version' : 'Scheduled versions'} would never take effect`} data-testid="never-in-force" role="alert">
            {neverInForce.map((v) => (
              <Text size="sm" key={v.number}>
                Version {v.number} is scheduled to take effect on {formatDateTime(v.inForceFrom?.toISOString())}. Taking effect on {formatDate(effectiveAt)}, version{' '}
                {number} comes first and replaces it, so version {v.number} would never take effect. Choose a date after {formatDateTime(v.inForceFrom?.toISOString())} to
                let it apply first.
              </Text>
            ))}
          </Alert>
        )}
        <Alert color={!requirement.required ? 'green' : requirement.satisfied ? 'teal' : 'yellow'} title={requirement.required ? 'Notice required' : 'No notice required'} data-testid="notice-requirement">
          <List size="sm" spacing={2}>
            {requirement.sentences.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Alert>
        <Group justify="flex-end">
          {!effectiveAt && (
            <Text size="sm" c="dimmed">
              Choose when it takes effect.
            </Text>
          )}
          <Button onClick={() => setConfirming(true)} disabled={!effectiveAt}>
            Publish version {number}
          </Button>
        </Group>
        <ConfirmDialog
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={`Publish version ${number}?`}
          confirmLabel={`Publish version ${number}`}
          color="blue"
          errorTitle="The version was not published"
          onConfirm={submit}
        >
          <Text size="sm">
            It takes effect on {formatDateTime(effectiveAt)} (at once if that has passed) and can never be changed afterwards: a correction is a new
            version. {materialReduction ? 'It reduces users’ rights, so the notice above is recorded with it.' : ''}
          </Text>
        </ConfirmDialog>
      </Stack>
    </Paper>
  );
}
