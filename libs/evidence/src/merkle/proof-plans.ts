import { EMPTY_TREE_HASH, nodeHash, splitPoint } from './hashing';
import { completeSubtreesOf, LeafRange, SubtreeRef, subtreeKey } from './subtrees';

/**
 * What a proof needs, as complete subtrees to read, and how to build it from
 * their hashes. Reading is left to the caller so a store can fetch them all in
 * one query: a proof over n leaves names O(log n) of them.
 */
export interface ProofPlan<T> {
  /** The complete subtrees to read, each once. */
  readonly subtrees: readonly SubtreeRef[];
  /** Builds the result from the hashes of `subtrees`, given in the same order. */
  assemble(hashes: readonly Uint8Array[]): T;
}

function assertSize(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/** RFC 9162 2.1.3.1 PATH(m, D[n]): the ranges whose hashes prove leaf m, the leaf's sibling first. */
export function inclusionProofRanges(leafIndex: number, treeSize: number): LeafRange[] {
  assertSize('leafIndex', leafIndex);
  assertSize('treeSize', treeSize);
  if (leafIndex >= treeSize) throw new RangeError(`leaf ${leafIndex} is not in a tree of ${treeSize} leaves`);
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const mid = start + splitPoint(end - start);
    if (leafIndex < mid) {
      ranges.push({ start: mid, end });
      end = mid;
    } else {
      ranges.push({ start, end: mid });
      start = mid;
    }
  }
  return ranges.reverse();
}

/** RFC 9162 2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true): empty when m is 0 or n. */
export function consistencyProofRanges(fromSize: number, toSize: number): LeafRange[] {
  assertSize('fromSize', fromSize);
  assertSize('toSize', toSize);
  if (fromSize > toSize) throw new RangeError(`a tree of ${toSize} leaves cannot extend one of ${fromSize}`);
  if (fromSize === 0 || fromSize === toSize) return [];
  const ranges: LeafRange[] = [];
  let start = 0;
  let end = toSize;
  let wholeOldTree = true; // the RFC's b: the current range is the old tree's root so far
  while (fromSize !== end) {
    const mid = start + splitPoint(end - start);
    if (fromSize <= mid) {
      ranges.push({ start: mid, end });
      end = mid;
    } else {
      ranges.push({ start, end: mid });
      start = mid;
      wholeOldTree = false;
    }
  }
  if (!wholeOldTree) ranges.push({ start, end });
  return ranges.reverse();
}

/** One plan for many lists of ranges: each subtree is read once, however many ranges share it. */
export function planRangeHashes(rangeLists: readonly (readonly LeafRange[])[]): ProofPlan<Buffer[][]> {
  const subtrees: SubtreeRef[] = [];
  const slotOf = new Map<string, number>();
  const slotsOf = (range: LeafRange): number[] =>
    completeSubtreesOf(range).map((ref) => {
      const key = subtreeKey(ref);
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = subtrees.push(ref) - 1;
        slotOf.set(key, slot);
      }
      return slot;
    });
  const slotLists = rangeLists.map((ranges) => ranges.map(slotsOf));
  return {
    subtrees,
    assemble(hashes) {
      if (hashes.length !== subtrees.length) throw new RangeError(`expected ${subtrees.length} subtree hashes, got ${hashes.length}`);
      // MTH of a range is its complete subtrees folded from the right: H(P1, H(P2, ... Pk)).
      const fold = (slots: number[]): Buffer =>
        slots.reduceRight<Buffer | null>((acc, slot) => (acc ? nodeHash(hashes[slot], acc) : Buffer.from(hashes[slot])), null)!;
      return slotLists.map((lists) => lists.map(fold));
    },
  };
}

function single<T>(plan: ProofPlan<T[]>): ProofPlan<T> {
  return { subtrees: plan.subtrees, assemble: (hashes) => plan.assemble(hashes)[0] };
}

/** The inclusion proof (audit path) of leafIndex in the tree of treeSize leaves. */
export function planInclusionProof(leafIndex: number, treeSize: number): ProofPlan<Buffer[]> {
  return single(planRangeHashes([inclusionProofRanges(leafIndex, treeSize)]));
}

/** Inclusion proofs of many leaves against one tree size, sharing their reads (an evidence bundle). */
export function planInclusionProofs(leafIndexes: readonly number[], treeSize: number): ProofPlan<Buffer[][]> {
  return planRangeHashes(leafIndexes.map((leafIndex) => inclusionProofRanges(leafIndex, treeSize)));
}

/** The consistency proof from the tree of fromSize leaves to the tree of toSize leaves. */
export function planConsistencyProof(fromSize: number, toSize: number): ProofPlan<Buffer[]> {
  return single(planRangeHashes([consistencyProofRanges(fromSize, toSize)]));
}

/** The root hash MTH(D[0:treeSize]) of any past or present tree size. */
export function planRootHash(treeSize: number): ProofPlan<Buffer> {
  assertSize('treeSize', treeSize);
  if (treeSize === 0) return { subtrees: [], assemble: () => Buffer.from(EMPTY_TREE_HASH) };
  const plan = planRangeHashes([[{ start: 0, end: treeSize }]]);
  return { subtrees: plan.subtrees, assemble: (hashes) => plan.assemble(hashes)[0][0] };
}
