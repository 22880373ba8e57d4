import { createHash, randomBytes } from 'node:crypto';

/** API tokens and session ids carry 32 random bytes; only their SHA-256 is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
