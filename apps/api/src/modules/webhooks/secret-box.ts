import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const SEALED = 'aes256gcm:';
const PLAIN = 'plain:';

/**
 * Webhook secrets must be recoverable (each delivery's HMAC is keyed by the
 * secret string), so they cannot be hashed like API tokens. With
 * CANOPY_SECRETS_KEY they are sealed with AES-256-GCM (a database dump alone
 * does not give them away); without it they are stored as they are.
 */
export function sealSecret(secret: string, key: Buffer | null): string {
  if (!key) return `${PLAIN}${secret}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${SEALED}${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${sealed.toString('base64')}`;
}

export function openSecret(stored: string, key: Buffer | null): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  if (!stored.startsWith(SEALED)) throw new Error('the webhook secret is stored in an unknown form');
  if (!key) throw new Error('the webhook secret is sealed and CANOPY_SECRETS_KEY is not set');
  const [iv, tag, sealed] = stored.slice(SEALED.length).split('.').map((part) => Buffer.from(part, 'base64'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('the webhook secret does not open with CANOPY_SECRETS_KEY (was the key changed?)');
  }
}
