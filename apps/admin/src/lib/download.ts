import { stringify } from 'csv-stringify/browser/esm/sync';

/** CSV with a header row, quoted by csv-stringify (never by hand), `\n` between records. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify([[...header], ...rows.map((r) => r.map((v) => (v === null ? '' : v)))], { record_delimiter: 'unix' });
}

/** Hands a file to the browser's downloads. */
export function downloadFile(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name stamp from an instant: `2026-11-29T10-00Z`. */
export const fileStamp = (iso: string) => `${iso.slice(0, 16).replace(/:/g, '-')}Z`;

/** JSON without Apollo's `__typename`, for files that leave the console. */
export const toJsonFile = (value: unknown) => `${JSON.stringify(value, (k, v) => (k === '__typename' ? undefined : v), 2)}\n`;
