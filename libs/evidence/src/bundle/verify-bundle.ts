import { auditLeafHash, canonicalJson, chainHash, isTruncatedSnapshot, leafIndexOfSeq } from '../audit/audit-event-hash';
import { hashFromHex, sha256 } from '../bytes';
import { verifyInclusion } from '../merkle/verify';
import { asVerifyingKey, VerifyingKey } from '../signing/keys';
import { verifyEd25519, verifyTreeHead } from '../signing/tree-head';
import { BundleDigest, endMessage, headerMessage, recordDigest } from './digests';
import { BundleFailure, BundleVerification, linePath, schemaFailures } from './failures';
import { BUNDLE_VERSION, BundleHeader, bundleEndSchema, bundleHeaderSchema, eventLineSchema, recordLineSchema } from './format';

/** What the verifier keeps of an event once checked: its hashes, and a digest of its `after` (null: a summary). */
interface SeenEvent {
  hash: string;
  prevHash: string;
  after: string | null;
}

const afterDigest = (value: unknown) => sha256(canonicalJson(value)).toString('hex');

/** The value at `path` inside a record's data, or undefined when there is none. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

/**
 * Checks a bundle (format 2) offline with Canopy's public key alone, one line
 * at a time, in memory that grows with the number of events (a few hashes
 * each) and record keys, not with the records' data: the bundle signature
 * over the running digest, the tree head's signature, every event's hash and
 * inclusion proof against the signed head, every record's digest, cited
 * events (written before it) and snapshot. Each failure names the line and
 * the record or event it lies in. Throws EvidenceKeyError when the key is not
 * an Ed25519 public key.
 */
export class BundleVerifier {
  private readonly key: VerifyingKey;
  private readonly failures: BundleFailure[] = [];
  private header: BundleHeader | null = null;
  private root: Buffer | null = null;
  private digest: BundleDigest | null = null;
  /** A failure that stops reading: not a bundle, another version, another key. */
  private fatal = false;
  private ended = false;
  private lineNumber = 0;
  private readonly events = new Map<number, SeenEvent>();
  private readonly keys = new Map<string, Set<string>>();
  private records = 0;
  private readonly tally = { checked: 0, skipped: 0 };

  constructor(publicKey: VerifyingKey | string) {
    this.key = asVerifyingKey(publicKey);
  }

  /** One line of the file (its newline left off); blank lines are skipped. */
  push(line: string): void {
    this.lineNumber++;
    if (this.fatal || line.trim() === '') return;
    const where = linePath(this.lineNumber);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (!this.header) return this.stop({ code: 'PARSE_ERROR', message: `the file is not a Canopy evidence bundle: line ${this.lineNumber} is not JSON (${(error as Error).message})`, path: where });
      this.failures.push({ code: 'PARSE_ERROR', message: `line ${this.lineNumber} is not JSON: ${(error as Error).message}`, path: where });
      this.digest?.add(line);
      return;
    }
    if (!this.header) return this.readHeader(value);
    if (this.ended) {
      this.failures.push({ code: 'FORMAT_ERROR', message: `line ${this.lineNumber} follows the bundle's end line`, path: where });
      return;
    }
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind === 'end') return this.readEnd(value);
    this.digest!.add(canonicalJson(value));
    if (kind === 'event') return this.readEvent(value);
    if (kind === 'record') return this.readRecord(value);
    this.failures.push({ code: 'FORMAT_ERROR', message: `line ${this.lineNumber} is neither a record, an event nor the end`, path: where });
  }

  /** The verdict, once every line was pushed. */
  finish(): BundleVerification {
    if (!this.fatal && !this.header) this.failures.push({ code: 'PARSE_ERROR', message: 'the file is empty: not a Canopy evidence bundle' });
    if (this.fatal || !this.header) return { ok: false, failures: this.failures, summary: null };
    if (this.ended && this.records !== this.header.records) {
      this.failures.push({ code: 'FORMAT_ERROR', message: `the header announces ${this.header.records} records; the file holds ${this.records}`, path: linePath(1) });
    }
    if (!this.ended) {
      this.failures.push({ code: 'TRUNCATED', message: `the bundle ends at line ${this.lineNumber} without its signed end line: it was cut`, path: linePath(this.lineNumber + 1) });
    }
    const summary = {
      at: this.header.at,
      treeSize: this.header.treeHead.treeSize,
      rootHash: this.header.treeHead.rootHash,
      keyId: this.header.treeHead.keyId,
      records: this.records,
      events: this.events.size,
      snapshotsChecked: this.tally.checked,
      snapshotsSkipped: this.tally.skipped,
    };
    return { ok: this.failures.length === 0, failures: this.failures, summary };
  }

  private stop(failure: BundleFailure): void {
    this.failures.push(failure);
    this.fatal = true;
  }

  private readHeader(value: unknown): void {
    const where = linePath(this.lineNumber);
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('canopyEvidenceBundle' in value)) {
      return this.stop({ code: 'PARSE_ERROR', message: 'the file is JSON but not a Canopy evidence bundle', path: where });
    }
    const version = (value as { canopyEvidenceBundle: unknown }).canopyEvidenceBundle;
    if (version !== BUNDLE_VERSION) {
      return this.stop({ code: 'UNSUPPORTED_VERSION', message: `bundle format ${JSON.stringify(version)}; this verifier reads format ${BUNDLE_VERSION}` });
    }
    const parsed = bundleHeaderSchema.safeParse(value);
    if (!parsed.success) {
      this.failures.push(...schemaFailures(parsed.error, where, {}));
      this.fatal = true;
      return;
    }
    const header = parsed.data;
    if (header.treeHead.keyId !== this.key.keyId) {
      return this.stop({ code: 'KEY_MISMATCH', message: `the bundle was signed by key ${header.treeHead.keyId}, not by the key given (${this.key.keyId})`, path: where });
    }
    if (header.signature.keyId !== this.key.keyId || !verifyEd25519(headerMessage(header), header.signature.value, this.key)) {
      this.failures.push({ code: 'HEADER_SIGNATURE', message: 'the header (at, generatedAt, tree head) is not the one Canopy signed', path: where });
    }
    const head = verifyTreeHead(header.treeHead, this.key);
    if (!head.ok) this.failures.push({ code: 'HEAD_SIGNATURE', message: `the tree head does not verify: ${head.reason}`, path: where });
    this.header = header;
    this.root = hashFromHex(header.treeHead.rootHash);
    this.digest = new BundleDigest(canonicalJson(value));
  }

  private readEvent(value: unknown): void {
    const where = { path: linePath(this.lineNumber) };
    const seqOf = (value as { seq?: unknown }).seq;
    const parsed = eventLineSchema.safeParse(value);
    if (!parsed.success) {
      this.failures.push(...schemaFailures(parsed.error, where.path, Number.isSafeInteger(seqOf) ? { seq: seqOf as number } : {}));
      return;
    }
    const event = parsed.data;
    const at = { ...where, seq: event.seq };
    if (this.events.has(event.seq)) this.failures.push({ code: 'DUPLICATE_EVENT', message: `event ${event.seq} is listed twice`, ...at });
    if (event.body.seq !== event.seq || chainHash(event.prevHash, event.body) !== event.hash) {
      this.failures.push({ code: 'EVENT_HASH', message: `event ${event.seq}: its hash is not sha256(prevHash || canonical JSON of its body)`, ...at });
    }
    const treeSize = this.header!.treeHead.treeSize;
    if (!verifyInclusion(leafIndexOfSeq(event.seq), treeSize, auditLeafHash(event.hash), event.inclusionProof.map(hashFromHex), this.root!)) {
      this.failures.push({ code: 'INCLUSION_PROOF', message: `event ${event.seq}: its inclusion proof does not lead to the signed root of ${treeSize} events`, ...at });
    }
    const previous = this.events.get(event.seq - 1);
    if (previous && previous.hash !== event.prevHash) {
      this.failures.push({ code: 'CHAIN_LINK', message: `event ${event.seq}: prevHash is not the hash of event ${event.seq - 1}`, ...at });
    }
    const next = this.events.get(event.seq + 1);
    if (next && next.prevHash !== event.hash) {
      this.failures.push({ code: 'CHAIN_LINK', message: `event ${event.seq + 1}: prevHash is not the hash of event ${event.seq}`, ...at, seq: event.seq + 1 });
    }
    if (!this.events.has(event.seq)) {
      this.events.set(event.seq, { hash: event.hash, prevHash: event.prevHash, after: isTruncatedSnapshot(event.body.after) ? null : afterDigest(event.body.after) });
    }
  }

  private readRecord(value: unknown): void {
    const path = linePath(this.lineNumber);
    const raw = value as { section?: unknown; key?: unknown };
    const parsed = recordLineSchema.safeParse(value);
    if (!parsed.success) {
      this.failures.push(...schemaFailures(parsed.error, path, { ...(typeof raw.section === 'string' ? { section: raw.section } : {}), ...(typeof raw.key === 'string' ? { record: raw.key } : {}) }));
      return;
    }
    const record = parsed.data;
    const { section } = record;
    const where = { path, section, record: record.key };
    this.records++;
    const keys = this.keys.get(section) ?? new Set<string>();
    this.keys.set(section, keys);
    if (keys.has(record.key)) this.failures.push({ code: 'DUPLICATE_RECORD', message: `${section} has two records keyed ${record.key}`, ...where });
    keys.add(record.key);
    if (recordDigest(section, record) !== record.digest) {
      this.failures.push({ code: 'RECORD_DIGEST', message: `${section} ${record.key}: the record is not the one Canopy exported (digest differs)`, ...where });
    }
    for (const seq of record.events) {
      if (!this.events.has(seq)) this.failures.push({ code: 'MISSING_EVENT', message: `${section} ${record.key} cites event ${seq}, which the bundle does not carry before it`, ...where, seq });
    }
    const snapshot = record.snapshot;
    const event = snapshot && this.events.get(snapshot.seq);
    if (!snapshot || !event) return;
    if (event.after === null) {
      this.tally.skipped++;
      return;
    }
    this.tally.checked++;
    const data = valueAt(record.data, snapshot.path ?? []);
    if (data === undefined || afterDigest(data) !== event.after) {
      this.failures.push({ code: 'SNAPSHOT_MISMATCH', message: `${section} ${record.key} differs from the snapshot event ${snapshot.seq} holds`, ...where, seq: snapshot.seq });
    }
  }

  private readEnd(value: unknown): void {
    const path = linePath(this.lineNumber);
    this.ended = true;
    const parsed = bundleEndSchema.safeParse(value);
    if (!parsed.success) {
      this.failures.push(...schemaFailures(parsed.error, path, {}));
      return;
    }
    const end = parsed.data;
    if (end.signature.keyId !== this.key.keyId) {
      this.failures.push({ code: 'KEY_MISMATCH', message: `the bundle was signed by key ${end.signature.keyId}, not by the key given (${this.key.keyId})`, path });
      return;
    }
    const computed = { digest: this.digest!.hex(), records: this.records, events: this.events.size };
    const claimsOtherLines = end.digest !== computed.digest || end.records !== computed.records || end.events !== computed.events;
    if (!verifyEd25519(endMessage(computed), end.signature.value, this.key)) {
      const why = claimsOtherLines ? 'the lines are not those signed: a line was changed, added, dropped or moved' : 'the signature does not match';
      this.failures.push({ code: 'BUNDLE_SIGNATURE', message: `the bundle signature does not verify: ${why}`, path });
    } else if (claimsOtherLines) {
      this.failures.push({ code: 'BUNDLE_SIGNATURE', message: 'the end line does not give the digest and counts of the lines it signs: it was changed', path });
    }
  }
}

/** Splits a whole file into lines (tests, small bundles); a stream is pushed to BundleVerifier line by line instead. */
export function verifyBundle(input: string | Uint8Array, publicKey: VerifyingKey | string): BundleVerification {
  const verifier = new BundleVerifier(publicKey);
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { ok: false, failures: [{ code: 'PARSE_ERROR', message: 'the file is not UTF-8 text' }], summary: null };
  }
  for (const line of text.split('\n')) verifier.push(line);
  return verifier.finish();
}

/** Verifies a bundle read as a stream of lines (e.g. readline over a file), in bounded memory. */
export async function verifyBundleLines(lines: AsyncIterable<string>, publicKey: VerifyingKey | string): Promise<BundleVerification> {
  const verifier = new BundleVerifier(publicKey);
  for await (const line of lines) verifier.push(line);
  return verifier.finish();
}
