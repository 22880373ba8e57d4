/** Why a bundle does not verify; each failure names where it lies when it lies somewhere. */
export type BundleFailureCode =
  | 'PARSE_ERROR' // not UTF-8 JSON, or not an evidence bundle
  | 'UNSUPPORTED_VERSION'
  | 'FORMAT_ERROR' // a field missing, extra or of the wrong kind
  | 'KEY_MISMATCH' // signed by another key than the one given
  | 'BUNDLE_SIGNATURE'
  | 'HEAD_SIGNATURE'
  | 'DUPLICATE_EVENT'
  | 'EVENT_HASH' // the event's hash is not sha256(prevHash || canonical body)
  | 'CHAIN_LINK' // prevHash is not the hash of the previous event the bundle carries
  | 'INCLUSION_PROOF' // the event is not proven to be in the signed tree
  | 'DUPLICATE_RECORD'
  | 'RECORD_DIGEST' // the record is not the one the exporter digested
  | 'MISSING_EVENT' // the record cites an event the bundle does not carry
  | 'SNAPSHOT_MISMATCH'; // the record differs from the snapshot its event holds

export interface BundleFailure {
  code: BundleFailureCode;
  message: string;
  /** Where: `treeHead`, `signature`, `events[3]`, `sections.services[12]`; absent for the whole file. */
  path?: string;
  section?: string;
  /** The record's key. */
  record?: string;
  seq?: number;
}

export interface BundleSummary {
  at: string;
  treeSize: number;
  rootHash: string;
  keyId: string;
  records: number;
  events: number;
  /** Records checked against the whole snapshot in their event, and those whose event holds only a summary. */
  snapshotsChecked: number;
  snapshotsSkipped: number;
}

export interface BundleVerification {
  ok: boolean;
  failures: BundleFailure[];
  /** What was checked, once the file parsed as a bundle. */
  summary: BundleSummary | null;
}

export function sectionPath(section: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(section) ? `sections.${section}` : `sections[${JSON.stringify(section)}]`;
}

export function recordPath(section: string, index: number): string {
  return `${sectionPath(section)}[${index}]`;
}

/** Where a schema problem at `issuePath` lies in the raw bundle: the record or event holding it. */
export function locate(raw: unknown, issuePath: readonly PropertyKey[]): Pick<BundleFailure, 'path' | 'section' | 'record' | 'seq'> {
  const [top, second, third] = issuePath;
  const at = (value: unknown, key: PropertyKey | undefined): unknown =>
    value !== null && typeof value === 'object' && key !== undefined ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (top === 'events' && typeof second === 'number') {
    const seq = at(at(at(raw, 'events'), second), 'seq');
    return { path: `events[${second}]`, ...(Number.isSafeInteger(seq) ? { seq: seq as number } : {}) };
  }
  if (top === 'sections' && typeof second === 'string') {
    if (typeof third !== 'number') return { path: sectionPath(second), section: second };
    const key = at(at(at(at(raw, 'sections'), second), third), 'key');
    return { path: recordPath(second, third), section: second, ...(typeof key === 'string' ? { record: key } : {}) };
  }
  return typeof top === 'string' ? { path: top } : {};
}
