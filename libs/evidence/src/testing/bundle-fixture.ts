import { sign } from 'node:crypto';
import { AuditRecord, auditLeafHash, chainHash, GENESIS_HASH, leafIndexOfSeq } from '../audit/audit-event-hash';
import { toHex } from '../bytes';
import { canonicalJson } from '../audit/audit-event-hash';
import { BundleDigest, endMessage, headerMessage } from '../bundle/digests';
import { BundleHead, writeBundle } from '../bundle/bundle-writer';
import type { BundleEnd, BundleEvent, BundleHeader, BundleLine, BundleRecordInput } from '../bundle/format';
import { parseBundle } from '../bundle/read-bundle';
import { MemorySubtreeStore } from '../merkle/memory-store';
import { planInclusionProofs, planRootHash } from '../merkle/proof-plans';
import { exportPublicKeyPem, generateSigningKey, SigningKey } from '../signing/keys';
import { signTreeHead } from '../signing/tree-head';

export interface LoggedEvent {
  seq: number;
  prevHash: string;
  hash: string;
  body: AuditRecord;
}

type EventDraft = Pick<AuditRecord, 'action' | 'entityType' | 'entityId'> & { before?: unknown; after?: unknown };

/** Chains events as the API's appendAuditEvent does and keeps their Merkle tree. */
export function buildAuditLog(drafts: readonly EventDraft[]): { events: LoggedEvent[]; store: MemorySubtreeStore } {
  const store = new MemorySubtreeStore();
  let prevHash = GENESIS_HASH;
  const events = drafts.map((draft, i) => {
    const body: AuditRecord = {
      seq: i + 1,
      at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
      actorId: 'u-officer',
      actorEmail: 'officer@example.com',
      action: draft.action,
      entityType: draft.entityType,
      entityId: draft.entityId,
      before: draft.before ?? null,
      after: draft.after ?? null,
    };
    const hash = chainHash(prevHash, body);
    const event = { seq: body.seq, prevHash, hash, body };
    store.append(auditLeafHash(hash));
    prevHash = hash;
    return event;
  });
  return { events, store };
}

const maps = { key: 'maps', name: 'Maps', team: 'geo', retentionDays: 30 };
const search = { key: 'search', name: 'Search', team: 'core', retentionDays: 90 };
const conflict = { id: 'c-1', service: 'maps', topic: 'RETENTION', status: 'SERVICE_PREVAILS', reason: 'legal hold' };
const arrangement = { id: 'sa-1', from: 'maps', to: 'search', status: 'APPROVED', approvedBy: 'officer@example.com' };
const assessment = { id: 'dpia-1', service: 'maps', kind: 'DPIA', outcome: 'ACCEPTED' };
const bigProcessor = { key: 'cloud-co', name: 'Cloud Co', notes: 'x'.repeat(100) };

/** An audit log of twelve events, ten of them before the instant the bundle is as of. */
export const FIXTURE_DRAFTS: EventDraft[] = [
  { action: 'service.registered', entityType: 'service', entityId: 'maps', after: maps },
  { action: 'service.registered', entityType: 'service', entityId: 'search', after: search },
  { action: 'policy.published', entityType: 'policy', entityId: 'global', after: { version: 1 } },
  { action: 'service.updated', entityType: 'service', entityId: 'maps', before: maps, after: { ...maps, retentionDays: 7 } },
  { action: 'conflict.resolved', entityType: 'conflict', entityId: 'c-1', after: conflict },
  { action: 'sharing.submitted', entityType: 'sharing', entityId: 'sa-1', after: { ...arrangement, status: 'SUBMITTED', approvedBy: null } },
  { action: 'sharing.approved', entityType: 'sharing', entityId: 'sa-1', after: arrangement },
  // Too large for its column: the event keeps a summary, so the record cannot be checked against it.
  { action: 'processor.added', entityType: 'processor', entityId: 'cloud-co', after: { truncated: true, originalLength: 70000, keys: ['key', 'name', 'notes'] } },
  { action: 'assessment.completed', entityType: 'assessment', entityId: 'dpia-1', after: assessment },
  { action: 'service.updated', entityType: 'service', entityId: 'search', before: search, after: { ...search, team: 'search' } },
  { action: 'service.updated', entityType: 'service', entityId: 'maps', after: { ...maps, retentionDays: 1 } },
  { action: 'service.updated', entityType: 'service', entityId: 'search', after: { ...search, team: 'other' } },
];

export const FIXTURE_SECTIONS: Record<string, BundleRecordInput[]> = {
  recordOfProcessing: [{ key: 'ropa', data: { services: ['maps', 'search'], controller: 'Example Ltd' }, events: [1, 2, 3] }],
  services: [
    {
      key: 'maps',
      data: { service: { ...maps, retentionDays: 7 }, effectivePolicy: { RETENTION: '7 days' }, findings: [{ code: 'RETENTION_EXCEEDED', status: 'OPEN' }] },
      events: [1, 3, 4],
      snapshot: { seq: 4, path: ['service'] },
    },
    { key: 'search', data: { service: { ...search, team: 'search' }, effectivePolicy: {}, findings: [] }, events: [2, 3, 10], snapshot: { seq: 10, path: ['service'] } },
  ],
  conflicts: [{ key: 'c-1', data: conflict, events: [5], snapshot: { seq: 5 } }],
  arrangements: [{ key: 'sa-1', data: arrangement, events: [6, 7], snapshot: { seq: 7 } }],
  processors: [{ key: 'cloud-co', data: bigProcessor, events: [8], snapshot: { seq: 8 } }],
  assessments: [{ key: 'dpia-1', data: assessment, events: [9], snapshot: { seq: 9 } }],
};

export const FIXTURE_TREE_SIZE = 10;

/** The bundle content an exporter would gather for these records, proofs against the head at treeSize. */
export type BundleContent = Omit<BundleHead, 'records'> & { sections: Record<string, readonly BundleRecordInput[]>; events: BundleEvent[] };

export function bundleContent(key: SigningKey, sections = FIXTURE_SECTIONS, treeSize = FIXTURE_TREE_SIZE): BundleContent {
  const log = buildAuditLog(FIXTURE_DRAFTS);
  const cited = [...new Set(Object.values(sections).flatMap((records) => records.flatMap((r) => r.events)))].sort((a, b) => a - b);
  const events = cited.map((seq) => log.events[seq - 1]);
  const plan = planInclusionProofs(events.map((e) => leafIndexOfSeq(e.seq)), treeSize);
  const proofs = plan.assemble(log.store.subtreeHashes(plan.subtrees));
  const root = planRootHash(treeSize).assemble(log.store.subtreeHashes(planRootHash(treeSize).subtrees));
  const at = log.events[treeSize - 1].body.at;
  const treeHead = signTreeHead({ treeSize, rootHash: toHex(root), timestamp: at }, key);
  const bundleEvents: BundleEvent[] = events.map((e, i) => ({ ...e, body: e.body as BundleEvent['body'], inclusionProof: proofs[i].map(toHex) }));
  return { at, generatedAt: '2026-12-01T00:00:00.000Z', treeHead, sections, events: bundleEvents };
}

export function makeBundleFixture() {
  const key = generateSigningKey();
  const text = writeBundle(bundleContent(key), key);
  return { key, publicKeyPem: exportPublicKeyPem(key), text, view: parseBundle(text) };
}

/** The text of these lines, one canonical JSON a line, ended as given (null: cut before the end). */
export function bundleText(header: BundleHeader | Record<string, unknown>, lines: readonly (BundleLine | Record<string, unknown>)[], end: BundleEnd | null): string {
  return [header, ...lines, ...(end ? [end] : [])].map((value) => `${canonicalJson(value)}\n`).join('');
}

/** Signs whatever lines it is given as a bundle, as a dishonest or buggy exporter could. */
export function signAnyway(unsignedHeader: BundleHeader | Record<string, unknown>, lines: readonly (BundleLine | Record<string, unknown>)[], key: SigningKey): string {
  const headerSignature = sign(null, headerMessage(unsignedHeader as Record<string, unknown>), key.privateKey).toString('base64');
  const header = { ...unsignedHeader, signature: { algorithm: 'Ed25519', keyId: key.keyId, value: headerSignature } };
  const digest = new BundleDigest(canonicalJson(header));
  for (const line of lines) digest.add(canonicalJson(line));
  const counts = {
    digest: digest.hex(),
    records: lines.filter((l) => l.kind === 'record').length,
    events: new Set(lines.filter((l) => l.kind === 'event').map((l) => (l as { seq: number }).seq)).size,
  };
  const value = sign(null, endMessage(counts), key.privateKey).toString('base64');
  return bundleText(header, lines, { kind: 'end', ...counts, signature: { algorithm: 'Ed25519', keyId: key.keyId, value } });
}
