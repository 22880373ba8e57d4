import { sha256 } from '../bytes';
import { canonicalJson } from '../audit/audit-event-hash';
import type { BundleRecordInput, EvidenceBundle } from './format';

/** sha256 of the canonical JSON of { section, key, data, events, snapshot? }, hex. */
export function recordDigest(section: string, record: BundleRecordInput): string {
  const { key, data, events, snapshot } = record;
  return sha256(canonicalJson({ section, key, data, events, snapshot })).toString('hex');
}

/** The bytes the bundle signature covers: the canonical JSON of the bundle without `signature`, UTF-8. */
export function bundleMessage(bundle: Omit<EvidenceBundle, 'signature'> | Record<string, unknown>): Buffer {
  const { signature: _signature, ...signed } = bundle as Record<string, unknown>;
  return Buffer.from(canonicalJson(signed), 'utf8');
}
