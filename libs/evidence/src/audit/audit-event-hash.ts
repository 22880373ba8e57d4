import canonicalize from 'canonicalize';
import { hashFromHex, sha256 } from '../bytes';
import { leafHash } from '../merkle/hashing';

/** The prevHash of the first audit event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed for one audit event; before/after are the parsed snapshots. */
export interface AuditRecord {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** RFC 8785 canonical JSON, so a hash or signature does not depend on key order or number formatting. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/**
 * An audit event's hash, hex: sha256(prevHash || canonical JSON of the event),
 * prevHash taken as its 64 hex characters (not its bytes), as the chain has
 * always been computed.
 */
export function chainHash(prevHash: string, record: AuditRecord): string {
  return sha256(prevHash, canonicalJson(record)).toString('hex');
}

/** The event's place in the Merkle tree: the RFC 9162 leaf hash of its 32-byte hash (seq n is leaf n - 1). */
export function auditLeafHash(eventHash: string): Buffer {
  return leafHash(hashFromHex(eventHash));
}

/** Seq n is leaf n - 1: seqs start at 1 and have no gaps. */
export function leafIndexOfSeq(seq: number): number {
  return seq - 1;
}

/**
 * A snapshot too large for its column is stored as a summary,
 * { truncated: true, originalLength, keys }: such an event does not hold the
 * whole record, so a record cannot be checked against it.
 */
export function isTruncatedSnapshot(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { truncated?: unknown }).truncated === true && typeof (value as { originalLength?: unknown }).originalLength === 'number';
}
