// The hash itself lives in @canopy/evidence, which auditors' verifiers share.
export { type AuditRecord, canonicalJson, chainHash, GENESIS_HASH } from '@canopy/evidence';

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
