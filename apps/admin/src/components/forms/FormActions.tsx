import { Button, Group } from '@mantine/core';

/** Cancel and submit, at the end of every form. */
export function FormActions({ submitLabel, loading, onCancel, disabled }: { submitLabel: string; loading?: boolean; onCancel?: () => void; disabled?: boolean }) {
  return (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={loading}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
