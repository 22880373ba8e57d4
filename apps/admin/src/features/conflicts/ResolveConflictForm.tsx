import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { graphql } from '../../gql';
import type { Resolution } from '../../gql/graphql';
import { ConfirmDialog } from '../../components/forms/ConfirmDialog';
import { notifySaved } from '../../components/forms/notify';
import { servicePrevailsReminder } from './service-prevails-reminder';
import { textInput } from '../../components/forms/text-input';
import { clauseValue, formatDate } from '../../lib/format';

export const ResolveConflictMutation = graphql(`
  mutation ResolveConflict($input: ResolveConflictInput!) {
    resolveConflict(input: $input) {
      id
      status
      resolution
      rationale
      resolvedAt
      resolvedBy {
        id
        email
        name
      }
    }
  }
`);

export interface ResolveConflictFormProps {
  conflict: { id: string; topic: string; subject: string; globalValue: string; serviceValue: string; takesEffectAt?: string | null };
  serviceName: string;
  /** The value the service's effective policy gives now (from the API), named in the options of a conflict not yet in force. */
  valueNow?: string | null;
  noticeDays: number;
  serviceVersionNotice?: { channels: readonly string[]; noticeAt: string } | null;
  onResolved?: () => void;
}

/** SERVICE_PREVAILS or GLOBAL_PREVAILS with a rationale; reminds the officer of any notice owed; errors in words. */
export function ResolveConflictForm({ conflict, serviceName, valueNow, noticeDays, serviceVersionNotice, onResolved }: ResolveConflictFormProps) {
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [resolve] = useMutation(ResolveConflictMutation);

  // Values with their scale's unit (`180 days`).
  const globalValue = clauseValue(conflict.topic, conflict.globalValue);
  const serviceValue = clauseValue(conflict.topic, conflict.serviceValue);
  // A conflict not yet in force: each option names what applies now as well as what will.
  const now = valueNow ? ` (until then ${clauseValue(conflict.topic, valueNow)} applies, as now)` : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!resolution) return setProblem('Choose which policy prevails.');
    if (!rationale.trim()) return setProblem('Explain the decision: a rationale is required.');
    setProblem(null);
    setConfirming(true);
  };
  const confirm = async () => {
    if (!resolution) return;
    await resolve({ variables: { input: { conflictId: conflict.id, resolution, rationale: rationale.trim() } } });
    notifySaved(`${conflict.topic} ${conflict.subject} of ${serviceName}: ${resolution === 'SERVICE_PREVAILS' ? 'the service policy prevails' : 'the global policy prevails'}.`, 'Conflict resolved');
    onResolved?.();
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Resolve conflict" gap="sm">
      <Radio.Group label="Decision" value={resolution} onChange={(v) => setResolution(v as Resolution)} withAsterisk>
        <Stack gap="xs" mt="xs">
          {conflict.takesEffectAt ? (
            <>
              <Radio
                value="SERVICE_PREVAILS"
                label={`Service policy prevails: from ${formatDate(conflict.takesEffectAt)} ${serviceValue} applies to ${serviceName}${now}`}
              />
              <Radio value="GLOBAL_PREVAILS" label={`Global policy prevails: from ${formatDate(conflict.takesEffectAt)} ${globalValue} applies${now}`} />
            </>
          ) : (
            <>
              <Radio value="SERVICE_PREVAILS" label={`Service policy prevails: ${serviceValue} applies to ${serviceName}`} />
              <Radio value="GLOBAL_PREVAILS" label={`Global policy prevails: ${globalValue} keeps applying`} />
            </>
          )}
        </Stack>
      </Radio.Group>
      {resolution === 'SERVICE_PREVAILS' && (
        <Alert color="yellow" title="Notice to users" data-testid="notice-reminder" role="note">
          {servicePrevailsReminder({
            serviceName,
            topic: conflict.topic,
            subject: conflict.subject,
            globalValue: conflict.globalValue,
            serviceValue: conflict.serviceValue,
            noticeDays,
            serviceVersionNotice,
          })}
        </Alert>
      )}
      <Textarea
        label="Rationale"
        description="Recorded in the audit log and shown in the effective policy's explanation."
        {...textInput(rationale, setRationale)}
        autosize
        minRows={2}
        withAsterisk
        aria-required
        error={problem?.startsWith('Explain') ? problem : undefined}
      />
      {problem && !problem.startsWith('Explain') && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit">Resolve conflict</Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={resolution === 'SERVICE_PREVAILS' ? `Let the service policy prevail for ${serviceName}?` : `Let the global policy prevail for ${serviceName}?`}
        confirmLabel="Resolve conflict"
        color="teal"
        errorTitle="The conflict was not resolved"
        onConfirm={confirm}
      >
        <Text size="sm">
          {resolution === 'SERVICE_PREVAILS'
            ? `${conflict.topic} ${conflict.subject} = ${serviceValue} applies to ${serviceName} from now on, in place of the global ${globalValue}.`
            : `The global ${conflict.topic} ${conflict.subject} = ${globalValue} keeps applying to ${serviceName}.`}{' '}
          The decision is final for this pair of versions and is recorded with your rationale; a new version of either policy is compared again.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
