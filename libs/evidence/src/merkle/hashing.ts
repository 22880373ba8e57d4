import { sha256 } from '../bytes';

/**
 * RFC 9162 section 2.1.1: the hash of a leaf is SHA-256(0x00 || entry), of an
 * inner node SHA-256(0x01 || left || right); the two prefixes keep a leaf from
 * passing for a node (second-preimage attacks).
 */
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export function leafHash(entry: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, entry);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** MTH({}) = SHA-256 of nothing. */
export const EMPTY_TREE_HASH: Buffer = sha256();

export function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0 && 2 ** Math.floor(Math.log2(n)) === n;
}

/** The RFC's split point: the largest power of two k with k < n <= 2k (n >= 2). */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`a tree of ${n} leaves has no split`);
  let k = 2 ** Math.floor(Math.log2(n));
  if (k >= n) k /= 2; // n itself a power of two (or log2 rounded up near 2^53)
  while (k * 2 < n) k *= 2;
  return k;
}
