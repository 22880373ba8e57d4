import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { graphql } from '../../gql';
import type { Resolution } from '../../gql/graphql';
import { ErrorMessage } from '../../components/QueryState';
import { servicePrevailsReminder } from './service-prevails-reminder';

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
  conflict: { id: string; topic: string; subject: string; globalValue: string; serviceValue: string };
  serviceName: string;
  noticeDays: number;
  serviceVersionNotice?: { channels: readonly string[]; noticeAt: string } | null;
  onResolved?: () => void;
}

/** SERVICE_PREVAILS or GLOBAL_PREVAILS with a rationale; reminds the officer of any notice owed; errors in words. */
export function ResolveConflictForm({ conflict, serviceName, noticeDays, serviceVersionNotice, onResolved }: ResolveConflictFormProps) {
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [resolve, { loading, error, reset }] = useMutation(ResolveConflictMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    if (!resolution) return setProblem('Choose which policy prevails.');
    if (!rationale.trim()) return setProblem('Explain the decision: a rationale is required.');
    setProblem(null);
    try {
      await resolve({ variables: { input: { conflictId: conflict.id, resolution, rationale: rationale.trim() } } });
      onResolved?.();
    } catch {
      // shown below from the mutation's error state
    }
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Resolve conflict" gap="sm">
      <Radio.Group label="Decision" value={resolution} onChange={(v) => setResolution(v as Resolution)} withAsterisk>
        <Stack gap="xs" mt="xs">
          <Radio value="SERVICE_PREVAILS" label={`Service policy prevails: ${conflict.serviceValue} applies to ${serviceName}`} />
          <Radio value="GLOBAL_PREVAILS" label={`Global policy prevails: ${conflict.globalValue} keeps applying`} />
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
        value={rationale}
        onChange={(e) => setRationale(e.currentTarget.value)}
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
      <ErrorMessage error={error} title="The conflict was not resolved" />
      <Group justify="flex-end">
        <Button type="submit" loading={loading}>
          Resolve conflict
        </Button>
      </Group>
    </Stack>
  );
}
