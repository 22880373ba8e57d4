import { createHash } from 'node:crypto';

/** Every hash here is SHA-256: 32 bytes, written as 64 lowercase hex digits. */
export const HASH_BYTES = 32;

const HASH_HEX = /^[0-9a-f]{64}$/;

export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && HASH_HEX.test(value);
}

/** The 32 bytes of a lowercase hex SHA-256 hash; throws on anything else. */
export function hashFromHex(hex: string): Buffer {
  if (!isHashHex(hex)) throw new TypeError(`not a SHA-256 hash in lowercase hex: ${JSON.stringify(hex).slice(0, 80)}`);
  return Buffer.from(hex, 'hex');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function sha256(...parts: Array<Uint8Array | string>): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}
