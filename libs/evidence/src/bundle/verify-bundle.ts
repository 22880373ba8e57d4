import { auditLeafHash, canonicalJson, chainHash, isTruncatedSnapshot, leafIndexOfSeq } from '../audit/audit-event-hash';
import { hashFromHex } from '../bytes';
import { verifyInclusion } from '../merkle/verify';
import { asVerifyingKey, VerifyingKey } from '../signing/keys';
import { verifyEd25519, verifyTreeHead } from '../signing/tree-head';
import { bundleMessage, recordDigest } from './digests';
import { BundleFailure, BundleVerification, locate, recordPath } from './failures';
import { BUNDLE_VERSION, BundleEvent, BundleRecord, EvidenceBundle, evidenceBundleSchema } from './format';

const MAX_FORMAT_FAILURES = 50;

function parse(input: string | Uint8Array): { raw: unknown } | { failure: BundleFailure } {
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { failure: { code: 'PARSE_ERROR', message: 'the file is not UTF-8 text' } };
  }
  try {
    return { raw: JSON.parse(text) };
  } catch (error) {
    return { failure: { code: 'PARSE_ERROR', message: `the file is not JSON: ${(error as Error).message}` } };
  }
}

function readBundle(input: string | Uint8Array): { raw: Record<string, unknown>; bundle: EvidenceBundle } | { failures: BundleFailure[] } {
  const parsed = parse(input);
  if ('failure' in parsed) return { failures: [parsed.failure] };
  const raw = parsed.raw as Record<string, unknown>;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('canopyEvidenceBundle' in raw)) {
    return { failures: [{ code: 'PARSE_ERROR', message: 'the file is JSON but not a Canopy evidence bundle' }] };
  }
  if (raw.canopyEvidenceBundle !== BUNDLE_VERSION) {
    return { failures: [{ code: 'UNSUPPORTED_VERSION', message: `bundle format ${JSON.stringify(raw.canopyEvidenceBundle)}; this verifier reads format ${BUNDLE_VERSION}` }] };
  }
  const result = evidenceBundleSchema.safeParse(raw);
  if (result.success) return { raw, bundle: result.data };
  return {
    failures: result.error.issues.slice(0, MAX_FORMAT_FAILURES).map((issue) => ({
      code: 'FORMAT_ERROR' as const,
      message: `${issue.path.map(String).join('.') || 'bundle'}: ${issue.message}`,
      ...locate(raw, issue.path),
    })),
  };
}

/** The value at `path` inside a record's data, or undefined when there is none. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function checkEvents(bundle: EvidenceBundle, failures: BundleFailure[]): Map<number, BundleEvent> {
  const bySeq = new Map<number, BundleEvent>();
  const root = hashFromHex(bundle.treeHead.rootHash);
  bundle.events.forEach((event, index) => {
    const where = { path: `events[${index}]`, seq: event.seq };
    if (bySeq.has(event.seq)) failures.push({ code: 'DUPLICATE_EVENT', message: `event ${event.seq} is listed twice`, ...where });
    bySeq.set(event.seq, event);
    if (event.body.seq !== event.seq || chainHash(event.prevHash, event.body) !== event.hash) {
      failures.push({ code: 'EVENT_HASH', message: `event ${event.seq}: its hash is not sha256(prevHash || canonical JSON of its body)`, ...where });
    }
    const proof = event.inclusionProof.map(hashFromHex);
    if (!verifyInclusion(leafIndexOfSeq(event.seq), bundle.treeHead.treeSize, auditLeafHash(event.hash), proof, root)) {
      failures.push({ code: 'INCLUSION_PROOF', message: `event ${event.seq}: its inclusion proof does not lead to the signed root of ${bundle.treeHead.treeSize} events`, ...where });
    }
  });
  bundle.events.forEach((event, index) => {
    const previous = bySeq.get(event.seq - 1);
    if (previous && previous.hash !== event.prevHash) {
      failures.push({ code: 'CHAIN_LINK', message: `event ${event.seq}: prevHash is not the hash of event ${event.seq - 1}`, path: `events[${index}]`, seq: event.seq });
    }
  });
  return bySeq;
}

type SnapshotTally = { checked: number; skipped: number };

function checkRecord(section: string, index: number, record: BundleRecord, events: Map<number, BundleEvent>, failures: BundleFailure[], tally: SnapshotTally): void {
  const where = { path: recordPath(section, index), section, record: record.key };
  if (recordDigest(section, record) !== record.digest) {
    failures.push({ code: 'RECORD_DIGEST', message: `${section} ${record.key}: the record is not the one Canopy exported (digest differs)`, ...where });
  }
  for (const seq of record.events) {
    if (!events.has(seq)) failures.push({ code: 'MISSING_EVENT', message: `${section} ${record.key} cites event ${seq}, which the bundle does not carry`, ...where, seq });
  }
  const snapshot = record.snapshot;
  const event = snapshot && events.get(snapshot.seq);
  if (!snapshot || !event) return;
  if (isTruncatedSnapshot(event.body.after)) {
    tally.skipped++;
    return;
  }
  tally.checked++;
  const value = valueAt(record.data, snapshot.path ?? []);
  if (value === undefined || canonicalJson(value) !== canonicalJson(event.body.after)) {
    failures.push({ code: 'SNAPSHOT_MISMATCH', message: `${section} ${record.key} differs from the snapshot event ${snapshot.seq} holds`, ...where, seq: snapshot.seq });
  }
}

/**
 * Checks a bundle offline with Canopy's public key alone: the bundle
 * signature, the tree head signature, every event's hash and inclusion proof
 * against the signed head, and every record's digest, cited events and
 * snapshot. Every failure is listed, each naming the record, event or part
 * it lies in. Throws EvidenceKeyError when the key is not an Ed25519 public key.
 */
export function verifyBundle(input: string | Uint8Array, publicKey: VerifyingKey | string): BundleVerification {
  const key = asVerifyingKey(publicKey);
  const read = readBundle(input);
  if ('failures' in read) return { ok: false, failures: read.failures, summary: null };
  const { raw, bundle } = read;
  if (bundle.signature.keyId !== key.keyId) {
    const message = `the bundle was signed by key ${bundle.signature.keyId}, not by the key given (${key.keyId})`;
    return { ok: false, failures: [{ code: 'KEY_MISMATCH', message, path: 'signature' }], summary: null };
  }
  const failures: BundleFailure[] = [];
  if (!verifyEd25519(bundleMessage(raw), bundle.signature.value, key)) {
    failures.push({ code: 'BUNDLE_SIGNATURE', message: 'the bundle signature does not match its content: something in the file was changed', path: 'signature' });
  }
  const head = verifyTreeHead(bundle.treeHead, key);
  if (!head.ok) failures.push({ code: 'HEAD_SIGNATURE', message: `the tree head does not verify: ${head.reason}`, path: 'treeHead' });
  const events = checkEvents(bundle, failures);
  const tally: SnapshotTally = { checked: 0, skipped: 0 };
  let records = 0;
  for (const [section, list] of Object.entries(bundle.sections)) {
    const keys = new Set<string>();
    list.forEach((record, index) => {
      records++;
      if (keys.has(record.key)) failures.push({ code: 'DUPLICATE_RECORD', message: `${section} has two records keyed ${record.key}`, path: recordPath(section, index), section, record: record.key });
      keys.add(record.key);
      checkRecord(section, index, record, events, failures, tally);
    });
  }
  const summary = {
    at: bundle.at,
    treeSize: bundle.treeHead.treeSize,
    rootHash: bundle.treeHead.rootHash,
    keyId: bundle.signature.keyId,
    records,
    events: bundle.events.length,
    snapshotsChecked: tally.checked,
    snapshotsSkipped: tally.skipped,
  };
  return { ok: failures.length === 0, failures, summary };
}
