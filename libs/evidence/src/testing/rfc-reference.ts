import { createHash } from 'node:crypto';

/**
 * RFC 9162 section 2.1 written out as its recursive definitions, with its own
 * SHA-256, to check the library's iterative, subtree-based code against: MTH,
 * PATH (2.1.3.1) and PROOF/SUBPROOF (2.1.4.1) over the entries themselves.
 * Quadratic; for tests only.
 */
const sha = (...parts: Uint8Array[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function referenceMth(entries: readonly Uint8Array[]): Buffer {
  const n = entries.length;
  if (n === 0) return sha();
  if (n === 1) return sha(Uint8Array.of(0), entries[0]);
  const k = split(n);
  return sha(Uint8Array.of(1), referenceMth(entries.slice(0, k)), referenceMth(entries.slice(k)));
}

export function referencePath(m: number, entries: readonly Uint8Array[]): Buffer[] {
  const n = entries.length;
  if (n === 1) return [];
  const k = split(n);
  if (m < k) return [...referencePath(m, entries.slice(0, k)), referenceMth(entries.slice(k))];
  return [...referencePath(m - k, entries.slice(k)), referenceMth(entries.slice(0, k))];
}

function subproof(m: number, entries: readonly Uint8Array[], b: boolean): Buffer[] {
  const n = entries.length;
  if (m === n) return b ? [] : [referenceMth(entries)];
  const k = split(n);
  if (m <= k) return [...subproof(m, entries.slice(0, k), b), referenceMth(entries.slice(k))];
  return [...subproof(m - k, entries.slice(k), false), referenceMth(entries.slice(0, k))];
}

export function referenceProof(m: number, entries: readonly Uint8Array[]): Buffer[] {
  return m === 0 ? [] : subproof(m, entries, true);
}

export function referenceLeafHash(entry: Uint8Array): Buffer {
  return sha(Uint8Array.of(0), entry);
}
