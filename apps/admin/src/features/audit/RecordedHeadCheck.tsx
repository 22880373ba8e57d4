import { useState, type FormEvent } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { ErrorMessage } from '../../components/QueryState';
import type { ProofVerdict } from './audit-proofs';

interface RecordedHeadCheckProps<T> {
  label: string;
  description: string;
  /** Said under the field when the pasted text is not a head of this kind. */
  unreadable: string;
  buttonLabel: string;
  parse: (text: string) => T | null;
  verify: (client: ApolloClient, recorded: T) => Promise<ProofVerdict>;
}

/** A field to paste a head recorded earlier, and the verdict of checking the current log against it. */
export function RecordedHeadCheck<T>({ label, description, unreadable, buttonLabel, parse, verify }: RecordedHeadCheckProps<T>) {
  const client = useApolloClient();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<ProofVerdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const recorded = parse(text);
    setInvalid(!recorded);
    setVerdict(null);
    setError(null);
    if (!recorded) return;
    setBusy(true);
    try {
      setVerdict(await verify(client, recorded));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" component="form" onSubmit={(e: FormEvent) => void submit(e)} aria-label={label}>
      <Textarea
        label={label}
        description={description}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={invalid ? unreadable : undefined}
        autosize
        minRows={2}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
      />
      <Group>
        <Button type="submit" variant="light" loading={busy}>
          {buttonLabel}
        </Button>
      </Group>
      <ErrorMessage error={error} title="The check could not be made" />
      {verdict && (
        <Alert color={verdict.ok ? 'green' : 'red'} title={verdict.ok ? 'The log extends the recorded head' : 'The log does not extend the recorded head'} role="status">
          {verdict.message}
        </Alert>
      )}
    </Stack>
  );
}
