import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed for one event; before/after are the parsed snapshots. */
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

/** RFC 8785 canonical JSON, so the hash does not depend on key order or number formatting. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/** hash = sha256(prevHash || canonical JSON of the event), hex. */
export function chainHash(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(record)).digest('hex');
}

const SECRET_KEYS = /^(password|passwordHash|token|tokenHash|secret|idHash)$/i;

/** Snapshots never carry secrets, whatever a caller passes in. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, v]) => !SECRET_KEYS.test(key) && v !== undefined)
        .map(([key, v]) => [key, redact(v)]),
    );
  }
  return value;
}
