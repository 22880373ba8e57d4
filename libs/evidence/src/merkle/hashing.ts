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

export { isPowerOfTwo, splitPoint } from './tree-math';
