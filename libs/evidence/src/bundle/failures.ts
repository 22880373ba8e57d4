/** Why a bundle does not verify; each failure names where it lies when it lies somewhere. */
export type BundleFailureCode =
  | 'PARSE_ERROR' // not UTF-8, a line that is not JSON, or not an evidence bundle
  | 'UNSUPPORTED_VERSION'
  | 'FORMAT_ERROR' // a field missing, extra or of the wrong kind
  | 'KEY_MISMATCH' // signed by another key than the one given
  | 'BUNDLE_SIGNATURE'
  | 'HEADER_SIGNATURE' // the header line is not the one signed
  | 'HEAD_SIGNATURE'
  | 'DUPLICATE_EVENT'
  | 'EVENT_HASH' // the event's hash is not sha256(prevHash || canonical body)
  | 'CHAIN_LINK' // prevHash is not the hash of the previous event the bundle carries
  | 'INCLUSION_PROOF' // the event is not proven to be in the signed tree
  | 'DUPLICATE_RECORD'
  | 'RECORD_DIGEST' // the record is not the one the exporter digested
  | 'MISSING_EVENT' // the record cites an event the bundle does not carry
  | 'SNAPSHOT_MISMATCH' // the record differs from the snapshot its event holds
  | 'TRUNCATED'; // the file ends before its signed end line

export interface BundleFailure {
  code: BundleFailureCode;
  message: string;
  /** Where: the line (`line 12`, 1-based); absent for the whole file. */
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

const MAX_SCHEMA_FAILURES = 10;

export function linePath(line: number): string {
  return `line ${line}`;
}

/** A line's schema problems, each naming the line and the record or event it holds. */
export function schemaFailures(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, path: string, where: Pick<BundleFailure, 'section' | 'record' | 'seq'>): BundleFailure[] {
  return error.issues.slice(0, MAX_SCHEMA_FAILURES).map((issue) => ({
    code: 'FORMAT_ERROR' as const,
    message: `${path}: ${issue.path.map(String).join('.') || 'the line'}: ${issue.message}`,
    path,
    ...where,
  }));
}
