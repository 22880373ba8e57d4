import path from 'node:path';
import { BundleVerifier, EvidenceKeyError, loadPublicKey, type BundleFailure, type VerifyingKey } from '@canopy/evidence';
import { connectionConfig } from '../config';
import { CliError, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CliIo, FileWriter, OutputStream } from '../io';
import type { CommandContext } from './context';
import { parseInstant } from './export-ropa';

export interface ExportEvidenceOptions {
  at?: string;
  out?: string;
}

export interface VerifyEvidenceOptions {
  key?: string;
}

/** Failures printed one per line; the rest are counted (all of them are in --output json). */
const FAILURES_SHOWN = 20;

/** What a long export shows on stderr while the server builds and streams the bundle. */
export interface ExportProgress {
  waiting(): void;
  received(bytes: number, records: number, total: number | null): void;
  stop(): void;
}

const NO_PROGRESS: ExportProgress = { waiting: () => undefined, received: () => undefined, stop: () => undefined };

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** A bar of `width` cells for the records received of those the bundle's header announced. */
export function progressBar(records: number, total: number, bytes: number, width = 24): string {
  const fraction = total > 0 ? Math.min(1, records / total) : 0;
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${records} / ${total} records, ${megabytes(bytes)}`;
}

/** Progress on stderr only on a terminal that reports its width, never in JSON mode (stdout stays the result's). */
export function wantsExportProgress(stderr: OutputStream, json: boolean): boolean {
  return Boolean(stderr.isTTY) && (stderr.columns ?? 0) > 0 && !json;
}

async function spinnerProgress(io: CliIo): Promise<ExportProgress> {
  const { default: ora } = await import('ora');
  const spin = ora({ stream: io.stderr as NodeJS.WritableStream, discardStdin: false });
  return {
    waiting: () => void spin.start('The server is building and signing the bundle'),
    received: (bytes, records, total) => {
      spin.text = total !== null ? `Receiving ${progressBar(records, total, bytes)}` : `The server is starting the bundle; ${megabytes(bytes)} received`;
    },
    stop: () => void spin.stop(),
  };
}

/** The API's address for a path beside /graphql (the CLI is configured with the GraphQL endpoint or the server). */
function serverUrl(endpoint: string, pathname: string): URL {
  const url = new URL(endpoint);
  url.pathname = url.pathname.replace(/\/graphql$/, '') + pathname;
  return url;
}

/** What the export learns of the bundle as it streams by: its header's instant, tree and record count, and its lines. */
interface Received {
  at: string | null;
  treeSize: number | null;
  announced: number | null;
  records: number;
  events: number;
  bytes: number;
  ended: boolean;
}

/**
 * Writes the bundle's lines to the file as they arrive (blank keep-alive lines left out), in memory
 * bounded by one line: canonical JSON sorts keys, so a record line starts `{"data":` and an event
 * line `{"body":`; the header and the end line are parsed for the summary.
 */
async function streamBundle(response: Response, file: FileWriter, progress: ExportProgress): Promise<Received> {
  const got: Received = { at: null, treeSize: null, announced: null, records: 0, events: 0, bytes: 0, ended: false };
  const decoder = new TextDecoder('utf-8');
  let partial = '';
  const line = async (text: string) => {
    if (text.trim() === '') return;
    if (got.at === null) {
      const header = JSON.parse(text) as { at?: string; treeHead?: { treeSize?: number }; records?: number };
      got.at = String(header.at);
      got.treeSize = Number(header.treeHead?.treeSize);
      got.announced = typeof header.records === 'number' ? header.records : null;
    } else if (text.startsWith('{"data":')) got.records++;
    else if (text.startsWith('{"body":')) got.events++;
    else if (text.includes('"kind":"end"')) got.ended = true;
    got.bytes += Buffer.byteLength(text) + 1;
    await file.write(`${text}\n`);
  };
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const lines = (partial + decoder.decode(chunk, { stream: true })).split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines) await line(text);
    progress.received(got.bytes, got.records, got.announced);
  }
  await line(partial + decoder.decode());
  return got;
}

/** The server's refusal: `{ errors: [{ message, extensions: { code } }] }`, as GraphQL errors are. */
function refusal(status: number, text: string): CliError {
  let code = `HTTP_${status}`;
  let message = `the server answered HTTP ${status}`;
  try {
    const first = (JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors?.[0];
    if (first?.extensions?.code) code = first.extensions.code;
    if (first?.message) message = first.message;
  } catch {
    // not JSON: keep the status
  }
  const exitCode = code === 'BAD_USER_INPUT' ? EXIT.INPUT : EXIT.SERVER;
  return new CliError(`export evidence: ${code}: ${message}`, exitCode, { code });
}

/**
 * `canopy export evidence --at T -o FILE`: the evidence bundle as of T
 * (default now), built and signed by the API, streamed to the file line by
 * line as received (JSON lines, every line covered by the signature). For
 * auditors, privacy officers and admins. Progress on stderr on a terminal.
 */
export async function exportEvidenceCommand(ctx: CommandContext, options: ExportEvidenceOptions): Promise<number> {
  if (!options.out) throw usageError('-o FILE is required: the bundle is written to a file');
  const at = options.at ? parseInstant(options.at) : null;
  const config = connectionConfig(ctx.options, ctx.io.env);
  const url = serverUrl(config.endpoint, '/evidence/bundle');
  if (at) url.searchParams.set('at', at);
  const progress = wantsExportProgress(ctx.io.stderr, ctx.printer.json) ? await spinnerProgress(ctx.io) : NO_PROGRESS;
  let got: Received;
  try {
    progress.waiting();
    let response: Response;
    try {
      response = await ctx.io.fetch(url, { headers: { authorization: `Bearer ${config.token}`, accept: 'application/x-ndjson' } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`Cannot reach the Canopy API at ${url.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, EXIT.SERVER, { code: 'NETWORK' });
    }
    if (!response.ok) throw refusal(response.status, await response.text());
    if (!response.body) throw new CliError('export evidence: the server answered without a body', EXIT.SERVER, { code: 'BAD_RESPONSE' });
    let file: FileWriter;
    try {
      file = await ctx.io.openWrite(path.resolve(ctx.io.cwd, options.out));
    } catch (error) {
      throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.INPUT, { code: 'OUTPUT_FILE' });
    }
    try {
      got = await streamBundle(response, file, progress);
    } catch (error) {
      if (error instanceof SyntaxError) throw new CliError('export evidence: the server did not answer with an evidence bundle', EXIT.SERVER, { code: 'BAD_RESPONSE' });
      throw new CliError(`export evidence: the download broke off: ${(error as Error).message}`, EXIT.SERVER, { code: 'NETWORK' });
    } finally {
      await file.close();
    }
  } finally {
    progress.stop();
  }
  if (!got.ended) throw new CliError(`export evidence: the download broke off before the bundle's signed end (${options.out} is incomplete)`, EXIT.SERVER, { code: 'NETWORK' });
  const summary = { at: got.at, treeSize: got.treeSize, records: got.records, events: got.events };
  ctx.printer.result({ file: options.out, bytes: got.bytes, ...summary });
  ctx.printer.line(`Wrote the evidence bundle as of ${summary.at} to ${options.out}: ${summary.records} records, ${summary.events} audit events, tree of ${summary.treeSize} (${megabytes(got.bytes)})`);
  ctx.printer.line(`Verify it offline: canopy evidence verify ${options.out} --key canopy-audit-key.pem (the key from /.well-known/canopy-audit-key)`);
  return EXIT.OK;
}

async function readInput(io: CliIo, file: string, what: string): Promise<string> {
  try {
    return await io.readFile(path.resolve(io.cwd, file));
  } catch (error) {
    throw usageError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

const where = (failure: BundleFailure) =>
  failure.section && failure.record ? `${failure.section} ${failure.record} (${failure.path})` : failure.seq !== undefined ? `event ${failure.seq} (${failure.path})` : (failure.path ?? 'file');

/**
 * `canopy evidence verify FILE --key KEY`: checks a bundle offline with
 * libs/evidence and Canopy's public key alone (PEM SPKI), reading the file
 * as a stream of lines: the bundle
 * signature, the tree head's, every cited event's hash and inclusion proof,
 * each record's digest and snapshot. Exit 0 verified, 1 anything that fails
 * (each failure names its record or event), 2 a missing file or key.
 */
export async function verifyEvidenceCommand(ctx: CommandContext, file: string, options: VerifyEvidenceOptions): Promise<number> {
  if (!options.key) throw usageError('--key KEY is required: the PEM public key from /.well-known/canopy-audit-key');
  let lines: AsyncIterable<string>;
  try {
    lines = await ctx.io.readLines(path.resolve(ctx.io.cwd, file));
  } catch (error) {
    throw usageError(`cannot read the bundle ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const keyPem = await readInput(ctx.io, options.key, 'key');
  let key: VerifyingKey;
  try {
    key = loadPublicKey(keyPem);
  } catch (error) {
    if (error instanceof EvidenceKeyError) throw usageError(`${options.key} is not Canopy's public key: ${error.message}`);
    throw error;
  }
  const verifier = new BundleVerifier(key);
  for await (const line of lines) verifier.push(line);
  const result = verifier.finish();
  ctx.printer.result({ file, ...result });
  if (result.ok) {
    const s = result.summary!;
    ctx.printer.line(`Evidence bundle VERIFIED: ${s.records} records as of ${s.at}, ${s.events} audit events proven in the signed tree of ${s.treeSize} (root ${s.rootHash})`);
    ctx.printer.line(`Snapshots checked: ${s.snapshotsChecked}${s.snapshotsSkipped ? `, ${s.snapshotsSkipped} skipped (the event holds a summary)` : ''}; key ${s.keyId}`);
    return EXIT.OK;
  }
  ctx.printer.line(`Evidence bundle does NOT verify: ${result.failures.length} failure${result.failures.length === 1 ? '' : 's'}`);
  for (const failure of result.failures.slice(0, FAILURES_SHOWN)) ctx.printer.line(`  ${failure.code} at ${where(failure)}: ${failure.message}`);
  if (result.failures.length > FAILURES_SHOWN) ctx.printer.line(`  ... and ${result.failures.length - FAILURES_SHOWN} more (--output json lists them all)`);
  return EXIT.FAILED;
}
