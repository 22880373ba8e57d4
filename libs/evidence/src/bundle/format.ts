import { z } from 'zod';

/**
 * An evidence bundle, format 2: everything an auditor needs to check
 * Canopy's records as of an instant with nothing but the file and Canopy's
 * public key (DESIGN.md section 10), as JSON lines so that it is written and
 * verified as a stream, one record or event at a time.
 *
 * - Line 1, the header: `{ canopyEvidenceBundle: 2, at, generatedAt, treeHead, records, signature }`;
 *   `records` announces the number of record lines (a reader's progress);
 *   `treeHead` is the signed tree head at `at` (its treeSize counts the audit
 *   events up to `at`); `signature` signs the header's canonical JSON without
 *   it (headerMessage), so a changed header is named at line 1.
 * - Then one line per record or event, in any order but that an event comes
 *   before the first record citing it:
 *   - `{ kind: "event", seq, hash, prevHash, body, inclusionProof }`: a cited
 *     audit event, once: the body whose canonical JSON it hashes and its
 *     inclusion proof (hex, RFC 9162 order) as leaf seq - 1 of the tree of
 *     treeHead.treeSize leaves.
 *   - `{ kind: "record", section, key, data, events, snapshot?, digest }`: a
 *     record of a section (BUNDLE_SECTIONS); `data` is opaque JSON; `events`
 *     the seqs of the audit events it rests on; `snapshot`, when present, says
 *     the value at `path` in `data` (all of it without a path) is exactly the
 *     `after` snapshot of event `seq`, one of its events. `digest` is
 *     recordDigest(section, record): it names the record that was changed.
 * - The last line: `{ kind: "end", records, events, digest, signature }`.
 *   `digest` is the running hash of the lines (bundleDigest: d0 = sha256 of
 *   the header's canonical JSON, then d = sha256(d || canonical JSON of the
 *   line) for each line between), `signature` Ed25519 by the key that signed
 *   the head over endMessage: the canonical JSON of
 *   `{ canopyEvidenceBundle, digest, events, records }`. So the signature
 *   covers every line, their order and their number; a cut file has no end.
 *
 * Whitespace within a line and blank lines do not matter (a slow export is
 * kept alive with empty lines).
 */
export const BUNDLE_VERSION = 2 as const;

export const BUNDLE_SECTIONS = ['recordOfProcessing', 'services', 'conflicts', 'arrangements', 'processors', 'assessments'] as const;
export type BundleSectionName = (typeof BUNDLE_SECTIONS)[number];

const hashHex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lowercase hex');
const seq = z.int().min(1);
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 instant');
const json = z.json();

export const auditEventBodySchema = z.strictObject({
  seq,
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: json,
  after: json,
});

export const signedTreeHeadSchema = z.strictObject({
  treeSize: z.int().min(0),
  rootHash: hashHex,
  timestamp: instant,
  keyId: hashHex,
  signature: z.string(),
});

export const snapshotClaimSchema = z.strictObject({
  seq,
  path: z.array(z.union([z.string(), z.int().min(0)])).optional(),
});

const recordShape = {
  key: z.string().min(1),
  data: json,
  events: z.array(seq),
  snapshot: snapshotClaimSchema.optional(),
  digest: hashHex,
};
const snapshotAmongEvents: [(record: { events: number[]; snapshot?: { seq: number } }) => boolean, { message: string; path: PropertyKey[] }] = [
  (record) => !record.snapshot || record.events.includes(record.snapshot.seq),
  { message: 'the snapshot event must be one of the record’s events', path: ['snapshot', 'seq'] },
];

export const bundleRecordSchema = z.strictObject(recordShape).refine(...snapshotAmongEvents);

export const bundleEventSchema = z.strictObject({
  seq,
  hash: hashHex,
  prevHash: hashHex,
  body: auditEventBodySchema,
  inclusionProof: z.array(hashHex),
});

export const bundleSignatureSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  keyId: hashHex,
  value: z.string(),
});

export const bundleHeaderSchema = z.strictObject({
  canopyEvidenceBundle: z.literal(BUNDLE_VERSION),
  at: instant,
  generatedAt: instant,
  treeHead: signedTreeHeadSchema,
  records: z.int().min(0),
  signature: bundleSignatureSchema,
});

export const recordLineSchema = z.strictObject({ kind: z.literal('record'), section: z.string().min(1), ...recordShape }).refine(...snapshotAmongEvents);
export const eventLineSchema = bundleEventSchema.extend({ kind: z.literal('event') });

export const bundleEndSchema = z.strictObject({
  kind: z.literal('end'),
  records: z.int().min(0),
  events: z.int().min(0),
  digest: hashHex,
  signature: bundleSignatureSchema,
});

export type JsonValue = z.infer<typeof json>;
export type SnapshotClaim = z.infer<typeof snapshotClaimSchema>;
export type BundleRecord = z.infer<typeof bundleRecordSchema>;
export type BundleEvent = z.infer<typeof bundleEventSchema>;
export type BundleSignature = z.infer<typeof bundleSignatureSchema>;
export type BundleHeader = z.infer<typeof bundleHeaderSchema>;
export type BundleEnd = z.infer<typeof bundleEndSchema>;
export type RecordLine = BundleRecord & { kind: 'record'; section: string };
export type EventLine = BundleEvent & { kind: 'event' };
export type BundleLine = RecordLine | EventLine;
/** A record as the exporter gives it, before its digest. */
export type BundleRecordInput = Omit<BundleRecord, 'digest'>;
