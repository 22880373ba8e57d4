import { z } from 'zod';

/**
 * An evidence bundle, version 1: everything an auditor needs to check
 * Canopy's records as of an instant with nothing but the file and Canopy's
 * public key (DESIGN.md section 10).
 *
 * - `treeHead`: the signed tree head at `at` (its treeSize counts the audit
 *   events up to `at`).
 * - `sections`: by name (BUNDLE_SECTIONS), lists of records. A record's
 *   `data` is opaque JSON; `events` are the seqs of the audit events it rests
 *   on; `snapshot`, when present, says the value at `path` in `data` (all of
 *   it without a path) is exactly the `after` snapshot of event `seq`, one of
 *   its events. `digest` is recordDigest(section, record): it lets a verifier
 *   name the record that was changed.
 * - `events`: each cited audit event once, by seq: its hash, prevHash and the
 *   body whose canonical JSON it hashes, and its inclusion proof (hex, RFC
 *   9162 order) as leaf seq - 1 of the tree of treeHead.treeSize leaves.
 * - `signature`: Ed25519 by the key that signed the head, over
 *   bundleMessage(bundle): the RFC 8785 canonical JSON of the whole bundle
 *   without its `signature` member. Whitespace in the file does not matter.
 */
export const BUNDLE_VERSION = 1;

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

export const bundleRecordSchema = z
  .strictObject({
    key: z.string().min(1),
    data: json,
    events: z.array(seq),
    snapshot: snapshotClaimSchema.optional(),
    digest: hashHex,
  })
  .refine((record) => !record.snapshot || record.events.includes(record.snapshot.seq), {
    message: 'the snapshot event must be one of the record’s events',
    path: ['snapshot', 'seq'],
  });

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

export const evidenceBundleSchema = z.strictObject({
  canopyEvidenceBundle: z.literal(BUNDLE_VERSION),
  at: instant,
  generatedAt: instant,
  treeHead: signedTreeHeadSchema,
  sections: z.record(z.string(), z.array(bundleRecordSchema)),
  events: z.array(bundleEventSchema),
  signature: bundleSignatureSchema,
});

export type JsonValue = z.infer<typeof json>;
export type SnapshotClaim = z.infer<typeof snapshotClaimSchema>;
export type BundleRecord = z.infer<typeof bundleRecordSchema>;
export type BundleEvent = z.infer<typeof bundleEventSchema>;
export type BundleSignature = z.infer<typeof bundleSignatureSchema>;
export type EvidenceBundle = z.infer<typeof evidenceBundleSchema>;
/** A record as the exporter gives it, before its digest. */
export type BundleRecordInput = Omit<BundleRecord, 'digest'>;
