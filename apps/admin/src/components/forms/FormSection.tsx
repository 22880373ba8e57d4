import { useState, type FormEvent, type ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { fieldErrorsOf } from '../../lib/errors';
import { ErrorMessage } from '../QueryState';
import { FormActions } from './FormActions';

/**
 * Submitting a form to the API: the form's own checks first (errors next to
 * their fields), then the action; the server's BAD_USER_INPUT errors go next
 * to the field they name, anything else into the form's alert.
 */
export function useFormSubmit<V>(form: Pick<UseFormReturnType<V>, 'onSubmit' | 'setErrors'>, toField?: (argument: string) => string | null) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const handle = (action: (values: V) => Promise<void>) =>
    form.onSubmit(async (values) => {
      setError(null);
      setBusy(true);
      try {
        await action(values);
      } catch (e) {
        const { fields, unplaced } = fieldErrorsOf(e, toField);
        form.setErrors(fields);
        if (unplaced) setError(e);
      } finally {
        setBusy(false);
      }
    });
  return { handle, error, busy, clearError: () => setError(null) };
}

/** A form in a bordered section: title, intro, fields, the error in words, cancel and submit. */
export function FormSection({
  title,
  intro,
  onSubmit,
  children,
  error,
  errorTitle,
  submitLabel,
  busy,
  onCancel,
  headingLevel = 3,
}: {
  title: string;
  intro?: ReactNode;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  error?: unknown;
  errorTitle: string;
  submitLabel: string;
  busy?: boolean;
  onCancel?: () => void;
  headingLevel?: 2 | 3;
}) {
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label={title} noValidate>
      <Stack gap="sm">
        <Title order={headingLevel} size={headingLevel === 3 ? 'h4' : undefined}>
          {title}
        </Title>
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        {children}
        <ErrorMessage error={error} title={errorTitle} />
        <FormActions submitLabel={submitLabel} loading={busy} onCancel={onCancel} />
      </Stack>
    </Paper>
  );
}
