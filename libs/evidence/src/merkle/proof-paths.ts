import { isPowerOfTwo } from './tree-math';

/**
 * The RFC 9162 proof-verification algorithms (2.1.3.2 and 2.1.4.2) as plans:
 * the way each proof hash is folded in depends only on the sizes, never on
 * the hashes, so the plan is computed here once and carried out by the Node
 * verifier (verify.ts, synchronous node:crypto) and the browser one
 * (browser.ts, WebCrypto) alike. Nothing here hashes.
 */

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;

/** The RFC's "right-shift both fn and sn equally until either LSB(fn) is set or fn is 0". */
function shiftToOdd(fn: number, sn: number): [number, number] {
  while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
  return [fn, sn];
}

/** For each proof hash p in turn: 'left' means r = node(p, r), 'right' r = node(r, p). */
export type InclusionStep = 'left' | 'right';

/** How an inclusion proof of proofLength hashes folds from the leaf to the root, or null when it cannot fit the index and size. */
export function inclusionPlan(leafIndex: number, treeSize: number, proofLength: number): InclusionStep[] | null {
  if (!isSize(leafIndex) || !isSize(treeSize) || leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  const steps: InclusionStep[] = [];
  for (let i = 0; i < proofLength; i++) {
    if (sn === 0) return null;
    if (odd(fn) || fn === sn) {
      steps.push('left');
      [fn, sn] = shiftToOdd(fn, sn);
    } else {
      steps.push('right');
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? steps : null;
}

/**
 * For each hash c after the seed: 'both' means fr = node(c, fr) and sr = node(c, sr),
 * 'second' means sr = node(sr, c) alone.
 */
export type ConsistencyStep = 'both' | 'second';

export type ConsistencyPlan =
  /** Equal sizes: the roots must be equal and the proof empty. */
  | { kind: 'same-size' }
  /** From the empty tree: fromRoot must be MTH({}) and the proof empty. */
  | { kind: 'from-empty' }
  /** Fold path = (seedIsFromRoot ? [fromRoot, ...proof] : proof): path[0] seeds fr and sr, steps say how the rest fold. */
  | { kind: 'fold'; seedIsFromRoot: boolean; steps: ConsistencyStep[] };

/** How a consistency proof of proofLength hashes between two sizes is checked, or null when it cannot fit them. */
export function consistencyPlan(fromSize: number, toSize: number, proofLength: number): ConsistencyPlan | null {
  if (!isSize(fromSize) || !isSize(toSize) || fromSize > toSize) return null;
  if (fromSize === toSize) return proofLength === 0 ? { kind: 'same-size' } : null;
  if (fromSize === 0) return proofLength === 0 ? { kind: 'from-empty' } : null;
  if (proofLength === 0) return null;
  const seedIsFromRoot = isPowerOfTwo(fromSize);
  const pathLength = proofLength + (seedIsFromRoot ? 1 : 0);
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  const steps: ConsistencyStep[] = [];
  for (let i = 1; i < pathLength; i++) {
    if (sn === 0) return null;
    if (odd(fn) || fn === sn) {
      steps.push('both');
      [fn, sn] = shiftToOdd(fn, sn);
    } else {
      steps.push('second');
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? { kind: 'fold', seedIsFromRoot, steps } : null;
}
