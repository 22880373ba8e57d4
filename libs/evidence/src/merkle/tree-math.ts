/** Tree-shape arithmetic shared by the Node and the browser verifiers: no hashing, no Buffer. */
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
