import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Textarea, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ErrorMessage } from '../QueryState';
import { textInput } from './text-input';

export interface ReasonField {
  label: string;
  description?: string;
  /** Said next to the field when it is left blank; omit for an optional comment. */
  requiredMessage?: string;
}

export interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The question, e.g. "Revoke this token?" */
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  reason?: ReasonField;
  /** Runs the action; a thrown error is shown in the dialog, which stays open. */
  onConfirm: (reason: string) => Promise<void> | void;
  errorTitle?: string;
}

/**
 * Every irreversible action asks first, in a dialog that says what will
 * happen (and takes the reason when one is recorded). The dialog stays open
 * while the action runs and shows its error in words.
 */
export function ConfirmDialog({ opened, onClose, title, children, confirmLabel, color = 'red', reason, onConfirm, errorTitle }: ConfirmDialogProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    if (busy) return;
    setProblem(null);
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setError(null);
    if (reason?.requiredMessage && !text.trim()) {
      setProblem(reason.requiredMessage);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onConfirm(text.trim());
      setText('');
      setBusy(false);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': 'Close the dialog' }}>
      <Stack gap="sm">
        <div>{children}</div>
        {reason && (
          <Textarea
            label={reason.label}
            description={reason.description}
            {...textInput(text, setText)}
            error={problem}
            withAsterisk={Boolean(reason.requiredMessage)}
            autosize
            minRows={2}
          />
        )}
        <ErrorMessage error={error} title={errorTitle ?? `${confirmLabel}: not done`} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button color={color} loading={busy} onClick={() => void confirm()} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A button that opens a {@link ConfirmDialog}. */
export function ConfirmButton({ label, buttonProps, ...dialog }: Omit<ConfirmDialogProps, 'opened' | 'onClose'> & { label: string; buttonProps?: ButtonProps & { 'aria-label'?: string } }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color={dialog.color ?? 'red'} variant="light" {...buttonProps} onClick={open}>
        {label}
      </Button>
      <ConfirmDialog {...dialog} opened={opened} onClose={close} />
    </>
  );
}
