import { DateInput } from '@mantine/dates';
import { isoToPicker, parseTypedInstant, pickerToIso } from '../../lib/format';

interface DateFieldProps {
  label: string;
  description?: string;
  /** ISO 8601, as the API speaks it; null when empty. */
  value: string | null;
  onChange: (iso: string | null) => void;
  error?: string | null;
  required?: boolean;
  clearable?: boolean;
  w?: number | string;
}

/**
 * Dates typed or picked, in the console's one format and in UTC (like every
 * date the console shows): an instant as `YYYY-MM-DD HH:mm`, a day as
 * `YYYY-MM-DD`.
 */
function UtcDateInput({ label, description, value, onChange, error, required, clearable = true, w, withTime }: DateFieldProps & { withTime: boolean }) {
  const format = withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD';
  return (
    <DateInput
      label={`${label} (UTC)`}
      description={description}
      placeholder={withTime ? '2026-11-29 10:00' : '2026-11-29'}
      valueFormat={format}
      withTime={withTime}
      dateParser={parseTypedInstant}
      value={isoToPicker(value)}
      onChange={(v) => onChange(pickerToIso(v))}
      error={error}
      required={required}
      withAsterisk={required}
      clearable={clearable}
      clearButtonProps={{ 'aria-label': `Clear ${label.toLowerCase()}` }}
      previousLabel="Previous month"
      nextLabel="Next month"
      w={w}
    />
  );
}

export const InstantInput = (props: DateFieldProps) => <UtcDateInput {...props} withTime />;

export const DayInput = (props: DateFieldProps) => <UtcDateInput {...props} withTime={false} />;

/** A date field's value, change and error, kept at `path` of a Mantine form (an ISO string, or null when empty). */
export function formDateProps(form: { getInputProps: (path: string) => { value?: unknown; onChange: (value: unknown) => void; error?: unknown } }, path: string) {
  const { value, onChange, error } = form.getInputProps(path);
  return { value: (value as string | null | undefined) ?? null, onChange: (iso: string | null) => onChange(iso), error: error as string | undefined };
}
