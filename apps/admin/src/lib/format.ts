/** Dates are shown in UTC, like the audit log stores them, so two reviewers read the same instant. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "3 services", or "3 services match the filters" when a filter is on. */
export function countMatching(n: number, word: string, filtered: boolean): string {
  return `${plural(n, word)}${filtered ? (n === 1 ? ' matches the filters' : ' match the filters') : ''}`;
}

/** Mantine's date pickers speak "YYYY-MM-DD HH:mm:ss" in UTC here; the API speaks ISO-8601. */
export function pickerToIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function isoToPicker(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 19).replace('T', ' ');
}

const TYPED_INSTANT = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(?:UTC|Z)?\s*$/i;

/**
 * What a person typed into a date field, in the console's one format
 * (`2026-11-29` or `2026-11-29 10:00`, UTC), as the pickers' value
 * (`YYYY-MM-DD HH:mm:ss`); null when it is not a real date and time.
 */
export function parseTypedInstant(text: string): string | null {
  const m = TYPED_INSTANT.exec(text);
  if (!m) return null;
  const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const real = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) && date.getUTCHours() === Number(h) && date.getUTCMinutes() === Number(mi);
  return real ? date.toISOString().slice(0, 19).replace('T', ' ') : null;
}
