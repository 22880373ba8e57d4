import { useState, type ReactNode } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { fieldErrorsOf } from '../../lib/errors';
import { ErrorMessage } from '../QueryState';
import { FormActions } from './FormActions';
import { Section } from '../Section';

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

/**
 * A form in a bordered section: title, intro, fields, the error in words,
 * cancel and submit. Submitting runs the form's checks, then `action`; what
 * the server refuses goes next to its field (see {@link useFormSubmit}).
 */
export function FormSection<V>({
  form,
  action,
  toField,
  title,
  intro,
  children,
  errorTitle,
  submitLabel,
  onCancel,
}: {
  form: Pick<UseFormReturnType<V>, 'onSubmit' | 'setErrors'>;
  action: (values: V) => Promise<void>;
  toField?: (argument: string) => string | null;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  errorTitle: string;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const submit = useFormSubmit(form, toField);
  return (
    <Section title={title} intro={intro} onSubmit={submit.handle(action)}>
      {children}
      <ErrorMessage error={submit.error} title={errorTitle} />
      <FormActions submitLabel={submitLabel} loading={submit.busy} onCancel={onCancel} />
    </Section>
  );
}
