import path from 'node:path';
import { EvidenceKeyError, loadPublicKey, verifyBundle, type BundleFailure, type VerifyingKey } from '@canopy/evidence';
import { connectionConfig } from '../config';
import { CliError, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CliIo, OutputStream } from '../io';
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

/** What a long export shows on stderr while the server builds the bundle and while it downloads. */
export interface ExportProgress {
  waiting(): void;
  received(bytes: number, total: number | null): void;
  stop(): void;
}

const NO_PROGRESS: ExportProgress = { waiting: () => undefined, received: () => undefined, stop: () => undefined };

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** A bar of `width` cells for the fraction done. */
export function progressBar(done: number, total: number, width = 24): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${megabytes(done)} / ${megabytes(total)}`;
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
    received: (bytes, total) => {
      spin.text = total ? `Downloading ${progressBar(bytes, total)}` : `The server is building the bundle; ${megabytes(bytes)} received`;
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

async function readBody(response: Response, progress: ExportProgress): Promise<Buffer> {
  const total = Number(response.headers.get('content-length')) || null;
  if (!response.body) return Buffer.from(await response.arrayBuffer());
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    received += chunk.length;
    progress.received(received, total);
  }
  return Buffer.concat(chunks);
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
 * (default now), built and signed by the API, written as received (every
 * byte is covered by its signature). For auditors, privacy officers and
 * admins. Progress on stderr on a terminal.
 */
export async function exportEvidenceCommand(ctx: CommandContext, options: ExportEvidenceOptions): Promise<number> {
  if (!options.out) throw usageError('-o FILE is required: the bundle is written to a file');
  const at = options.at ? parseInstant(options.at) : null;
  const config = connectionConfig(ctx.options, ctx.io.env);
  const url = serverUrl(config.endpoint, '/evidence/bundle');
  if (at) url.searchParams.set('at', at);
  const progress = wantsExportProgress(ctx.io.stderr, ctx.printer.json) ? await spinnerProgress(ctx.io) : NO_PROGRESS;
  let body: Buffer;
  try {
    progress.waiting();
    let response: Response;
    try {
      response = await ctx.io.fetch(url, { headers: { authorization: `Bearer ${config.token}`, accept: 'application/json' } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`Cannot reach the Canopy API at ${url.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, EXIT.SERVER, { code: 'NETWORK' });
    }
    if (!response.ok) throw refusal(response.status, await response.text());
    try {
      body = await readBody(response, progress);
    } catch (error) {
      throw new CliError(`export evidence: the download broke off: ${(error as Error).message}`, EXIT.SERVER, { code: 'NETWORK' });
    }
  } finally {
    progress.stop();
  }
  // A slow build is kept alive with spaces before the bundle (the signature covers the canonical JSON, not the bytes): the file starts at the bundle.
  const text = body.toString('utf8').trimStart();
  let summary: { at: string; treeSize: number; records: number; events: number };
  try {
    const bundle = JSON.parse(text) as { at: string; treeHead: { treeSize: number }; sections: Record<string, unknown[]>; events: unknown[] };
    summary = { at: bundle.at, treeSize: bundle.treeHead.treeSize, records: Object.values(bundle.sections).reduce((n, list) => n + list.length, 0), events: bundle.events.length };
  } catch {
    throw new CliError('export evidence: the server did not answer with an evidence bundle', EXIT.SERVER, { code: 'BAD_RESPONSE' });
  }
  try {
    await ctx.io.writeFile(path.resolve(ctx.io.cwd, options.out), text);
  } catch (error) {
    throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.INPUT, { code: 'OUTPUT_FILE' });
  }
  ctx.printer.result({ file: options.out, bytes: Buffer.byteLength(text), ...summary });
  ctx.printer.line(`Wrote the evidence bundle as of ${summary.at} to ${options.out}: ${summary.records} records, ${summary.events} audit events, tree of ${summary.treeSize} (${megabytes(Buffer.byteLength(text))})`);
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
 * libs/evidence and Canopy's public key alone (PEM SPKI): the bundle
 * signature, the tree head's, every cited event's hash and inclusion proof,
 * each record's digest and snapshot. Exit 0 verified, 1 anything that fails
 * (each failure names its record or event), 2 a missing file or key.
 */
export async function verifyEvidenceCommand(ctx: CommandContext, file: string, options: VerifyEvidenceOptions): Promise<number> {
  if (!options.key) throw usageError('--key KEY is required: the PEM public key from /.well-known/canopy-audit-key');
  const [bundleText, keyPem] = [await readInput(ctx.io, file, 'bundle'), await readInput(ctx.io, options.key, 'key')];
  let key: VerifyingKey;
  try {
    key = loadPublicKey(keyPem);
  } catch (error) {
    if (error instanceof EvidenceKeyError) throw usageError(`${options.key} is not Canopy's public key: ${error.message}`);
    throw error;
  }
  const result = verifyBundle(bundleText, key);
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
