import { EMPTY_TREE_HASH, nodeHash } from './hashing';
import { frontierOf, SubtreeHash } from './subtrees';

/**
 * The right edge of a growing tree: the hashes of frontierOf(treeSize),
 * largest first. Enough to append the next leaf, give every subtree the
 * append completes (what a store keeps), and compute the root.
 */
export class MerkleFrontier {
  private constructor(
    private size: number,
    private readonly hashes: Buffer[],
  ) {}

  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /** Resumes from the stored hashes of frontierOf(treeSize), in that order. */
  static fromSubtreeHashes(treeSize: number, hashes: readonly Uint8Array[]): MerkleFrontier {
    const expected = frontierOf(treeSize).length;
    if (hashes.length !== expected) throw new RangeError(`a tree of ${treeSize} leaves has ${expected} frontier subtrees, got ${hashes.length}`);
    return new MerkleFrontier(treeSize, hashes.map((hash) => Buffer.from(hash)));
  }

  get treeSize(): number {
    return this.size;
  }

  /**
   * Appends a leaf (its RFC 9162 leaf hash) and returns the subtrees it
   * completes, smallest first: the leaf itself (size 1), then one per
   * frontier subtree it merges with.
   */
  append(leafHash: Uint8Array): SubtreeHash[] {
    const start = this.size;
    let hash: Buffer = Buffer.from(leafHash);
    const completed: SubtreeHash[] = [{ start, size: 1, hash }];
    for (let size = 2; (start + 1) % size === 0; size *= 2) {
      hash = nodeHash(this.hashes.pop()!, hash);
      completed.push({ start: start + 1 - size, size, hash });
    }
    this.hashes.push(hash);
    this.size++;
    return completed;
  }

  /** MTH of the leaves so far. */
  root(): Buffer {
    if (this.hashes.length === 0) return Buffer.from(EMPTY_TREE_HASH);
    return this.hashes.reduceRight((acc, hash) => nodeHash(hash, acc));
  }
}
