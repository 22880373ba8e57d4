import { sign } from 'node:crypto';
import { canonicalJson } from '../audit/audit-event-hash';
import type { SigningKey } from '../signing/keys';
import type { SignedTreeHead } from '../signing/tree-head';
import { bundleMessage, recordDigest } from './digests';
import { BUNDLE_VERSION, BundleEvent, BundleRecordInput, EvidenceBundle } from './format';

export interface BundleContent {
  /** The instant the records are as of (ISO 8601). */
  at: string;
  generatedAt: string;
  /** Signed with the same key, its treeSize the events up to `at`. */
  treeHead: SignedTreeHead;
  sections: Record<string, readonly BundleRecordInput[]>;
  /** Every event a record cites, each once, with its inclusion proof against treeHead. */
  events: readonly BundleEvent[];
}

/** Checks what an exporter must get right; a mistake here is a bug, not bad input. */
function assertCoherent(content: BundleContent, key: SigningKey): void {
  if (content.treeHead.keyId !== key.keyId) throw new Error('the tree head was signed with another key');
  const seqs = new Set<number>();
  for (const event of content.events) {
    if (seqs.has(event.seq)) throw new Error(`event ${event.seq} is listed twice`);
    if (event.seq > content.treeHead.treeSize) throw new Error(`event ${event.seq} is past the tree head (${content.treeHead.treeSize})`);
    seqs.add(event.seq);
  }
  for (const [section, records] of Object.entries(content.sections)) {
    const keys = new Set<string>();
    for (const record of records) {
      if (keys.has(record.key)) throw new Error(`${section} has two records keyed ${record.key}`);
      keys.add(record.key);
      const missing = record.events.find((s) => !seqs.has(s));
      if (missing !== undefined) throw new Error(`${section} ${record.key} cites event ${missing}, which the bundle does not carry`);
      if (record.snapshot && !record.events.includes(record.snapshot.seq)) throw new Error(`${section} ${record.key}: its snapshot event is not among its events`);
    }
  }
}

/** Digests every record and signs the bundle with the key that signed its tree head. */
export function createBundle(content: BundleContent, key: SigningKey): EvidenceBundle {
  assertCoherent(content, key);
  const sections = Object.fromEntries(
    Object.entries(content.sections).map(([section, records]) => [section, records.map((record) => ({ ...record, digest: recordDigest(section, record) }))]),
  );
  const unsigned = {
    canopyEvidenceBundle: BUNDLE_VERSION,
    at: content.at,
    generatedAt: content.generatedAt,
    treeHead: content.treeHead,
    sections,
    events: [...content.events].sort((a, b) => a.seq - b.seq),
  } as const;
  const value = sign(null, bundleMessage(unsigned), key.privateKey).toString('base64');
  return { ...unsigned, signature: { algorithm: 'Ed25519', keyId: key.keyId, value } };
}

/** The file's text: canonical JSON, so every byte of it is covered by the signature. */
export function serializeBundle(bundle: EvidenceBundle): string {
  return canonicalJson(bundle);
}
