import { sha256 } from '../bytes';
import { canonicalJson } from '../audit/audit-event-hash';
import { BUNDLE_VERSION, type BundleRecordInput } from './format';

/** sha256 of the canonical JSON of { section, key, data, events, snapshot? }, hex. */
export function recordDigest(section: string, record: BundleRecordInput): string {
  const { key, data, events, snapshot } = record;
  return sha256(canonicalJson({ section, key, data, events, snapshot })).toString('hex');
}

/**
 * The running hash of a bundle's lines, as writer and verifier compute it,
 * one line at a time: d0 = sha256(header), then d = sha256(d || line), each
 * line as the UTF-8 of its canonical JSON (so whitespace does not matter).
 */
export class BundleDigest {
  private digest: Buffer;

  constructor(headerCanonicalJson: string) {
    this.digest = sha256(headerCanonicalJson);
  }

  add(lineCanonicalJson: string): void {
    this.digest = sha256(this.digest, lineCanonicalJson);
  }

  hex(): string {
    return this.digest.toString('hex');
  }
}

/** The bytes the bundle signature covers: the canonical JSON of { canopyEvidenceBundle, digest, events, records }, UTF-8. */
export function endMessage(end: { digest: string; records: number; events: number }): Buffer {
  return Buffer.from(canonicalJson({ canopyEvidenceBundle: BUNDLE_VERSION, digest: end.digest, records: end.records, events: end.events }), 'utf8');
}

/** The bytes the header's signature covers: its canonical JSON without `signature`, UTF-8. */
export function headerMessage(header: Record<string, unknown>): Buffer {
  const { signature: _signature, ...signed } = header;
  return Buffer.from(canonicalJson(signed), 'utf8');
}
