import path from 'node:path';
import { RECORD_OF_PROCESSING } from '../client/operations';
import { CliError, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import { ropaToCsv } from '../export/ropa-csv';
import type { CommandContext } from './context';

export interface ExportRopaOptions {
  format?: string;
  at?: string;
  out?: string;
}

/** An instant from --at: ISO 8601 with a time zone, or a date (midnight UTC). */
export function parseInstant(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(date);
  const parsed = new Date(date);
  if (!withZone || Number.isNaN(parsed.getTime()) || !realCalendarDate(date)) {
    throw usageError(`--at must be an ISO 8601 instant with a time zone (2026-11-29T10:00:00Z) or a date (2026-11-29), not "${value}"`);
  }
  return parsed.toISOString();
}

/** Date rolls 2026-02-30 over to March; a typo should be refused instead. */
function realCalendarDate(value: string): boolean {
  const [y, m, d, h, min, sec] = value.match(/\d+/g)!.slice(0, 6).map(Number);
  const check = new Date(Date.UTC(y, m - 1, d, h, min, sec ?? 0));
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d && check.getUTCHours() === h && check.getUTCMinutes() === min && (sec === undefined || check.getUTCSeconds() === sec);
}

/**
 * `canopy export ropa`: the record of processing activities (GDPR Art.
 * 30(1)) as of now or --at, as CSV (default) or JSON (default with
 * --output json), to stdout or -o FILE. With -o, stdout gets a summary
 * (JSON with --output json). For auditors, privacy officers and admins.
 */
export async function exportRopaCommand(ctx: CommandContext, options: ExportRopaOptions): Promise<number> {
  const format = (options.format ?? (ctx.printer.json ? 'json' : 'csv')).toLowerCase();
  if (format !== 'csv' && format !== 'json') throw usageError(`--format must be csv or json, not "${options.format}"`);
  const at = options.at ? parseInstant(options.at) : null;
  const data = await ctx.client().request('recordOfProcessing', RECORD_OF_PROCESSING, { at });
  const record = data.recordOfProcessing;
  const content = format === 'csv' ? ropaToCsv(record) : `${JSON.stringify(record, null, 2)}\n`;
  if (!options.out) {
    ctx.io.stdout.write(content);
    return EXIT.OK;
  }
  const target = path.resolve(ctx.io.cwd, options.out);
  try {
    await ctx.io.writeFile(target, content);
  } catch (error) {
    throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.INPUT, { code: 'OUTPUT_FILE' });
  }
  ctx.printer.result({ file: options.out, format, at: record.at, activities: record.activities.length });
  ctx.printer.line(`Wrote ${record.activities.length} processing activit${record.activities.length === 1 ? 'y' : 'ies'} as of ${record.at} to ${options.out} (${format})`);
  return EXIT.OK;
}
