import { isPowerOfTwo, splitPoint } from './hashing';

/**
 * A complete, aligned subtree of the log's Merkle tree: the leaves
 * [start, start + size), size a power of two, start a multiple of size. Its
 * hash never changes once its last leaf is appended, so it can be stored; the
 * tree over any number of leaves is made of such subtrees.
 */
export interface SubtreeRef {
  readonly start: number;
  readonly size: number;
}

/** A stored subtree hash (size 1: the leaf hash itself). */
export interface SubtreeHash extends SubtreeRef {
  readonly hash: Buffer;
}

/** A range of leaves [start, end) whose Merkle tree hash a proof carries. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

export function isAlignedSubtree(ref: SubtreeRef): boolean {
  return isPowerOfTwo(ref.size) && Number.isSafeInteger(ref.start) && ref.start >= 0 && ref.start % ref.size === 0;
}

export function subtreeKey(ref: SubtreeRef): string {
  return `${ref.size}:${ref.start}`;
}

/**
 * The complete subtrees whose hashes make MTH(D[start:end]), left to right,
 * following the RFC's split (a complete left part, then the rest). The range
 * must be a node of the tree, i.e. start aligned to the range's size rounded
 * up to a power of two, as every range a proof names is.
 */
export function completeSubtreesOf(range: LeafRange): SubtreeRef[] {
  const parts: SubtreeRef[] = [];
  let { start } = range;
  while (start < range.end) {
    const n = range.end - start;
    const size = isPowerOfTwo(n) ? n : splitPoint(n);
    const ref = { start, size };
    if (!isAlignedSubtree(ref)) throw new RangeError(`[${range.start}, ${range.end}) is not a node of a Merkle tree`);
    parts.push(ref);
    start += size;
  }
  return parts;
}

/**
 * The subtrees of the tree of treeSize leaves that are complete and not part
 * of a larger complete one (its "frontier", one per set bit of treeSize),
 * largest first. Their hashes give the root and let the next leaf be appended.
 */
export function frontierOf(treeSize: number): SubtreeRef[] {
  return completeSubtreesOf({ start: 0, end: treeSize });
}

/**
 * The subtrees completed by appending the leaf at leafIndex, smallest first:
 * the leaf itself, then each subtree that ends at this leaf (one more per
 * trailing 1 bit of leafIndex). At most log2(n) + 1 per append, two on average.
 */
export function subtreesCompletedBy(leafIndex: number): SubtreeRef[] {
  const refs: SubtreeRef[] = [];
  const end = leafIndex + 1;
  for (let size = 1; end % size === 0; size *= 2) refs.push({ start: end - size, size });
  return refs;
}
