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

/**
 * The RFC's walk up the tree shared by both checks, from node fn of last node
 * sn: for each of count hashes, whether it joins from the left (fn odd, or fn
 * the last node of its level); null when the hashes do not end at the root.
 */
function walkUp(fn: number, sn: number, count: number): boolean[] | null {
  const fromLeft: boolean[] = [];
  for (let i = 0; i < count; i++) {
    if (sn === 0) return null;
    const left = odd(fn) || fn === sn;
    fromLeft.push(left);
    if (left) [fn, sn] = shiftToOdd(fn, sn);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? fromLeft : null;
}

/** For each proof hash p in turn: 'left' means r = node(p, r), 'right' r = node(r, p). */
export type InclusionStep = 'left' | 'right';

/** How an inclusion proof of proofLength hashes folds from the leaf to the root, or null when it cannot fit the index and size. */
export function inclusionPlan(leafIndex: number, treeSize: number, proofLength: number): InclusionStep[] | null {
  if (!isSize(leafIndex) || !isSize(treeSize) || leafIndex >= treeSize) return null;
  return walkUp(leafIndex, treeSize - 1, proofLength)?.map((left): InclusionStep => (left ? 'left' : 'right')) ?? null;
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
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  const steps = walkUp(fn, sn, proofLength + (seedIsFromRoot ? 1 : 0) - 1);
  return steps ? { kind: 'fold', seedIsFromRoot, steps: steps.map((left): ConsistencyStep => (left ? 'both' : 'second')) } : null;
}
