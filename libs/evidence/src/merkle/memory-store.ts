import { MerkleFrontier } from './frontier';
import type { SubtreeHashSource } from './subtree-source';
import type { SubtreeRef } from './subtrees';

/**
 * Every complete subtree hash of a log, kept in memory as a store would keep
 * them in a table (one row per subtree: size, start, hash). For tests and
 * benchmarks; counts the reads a proof costs.
 */
export class MemorySubtreeStore implements SubtreeHashSource {
  /** levels[j][i]: the subtree of size 2^j starting at leaf i * 2^j. */
  private readonly levels: Buffer[][] = [];
  private readonly frontier = MerkleFrontier.empty();
  /** Calls to subtreeHashes (a store's queries) and subtrees read. */
  readonly stats = { batches: 0, reads: 0 };

  static fromLeafHashes(leafHashes: Iterable<Uint8Array>): MemorySubtreeStore {
    const store = new MemorySubtreeStore();
    for (const leaf of leafHashes) store.append(leaf);
    return store;
  }

  get treeSize(): number {
    return this.frontier.treeSize;
  }

  append(leafHash: Uint8Array): void {
    for (const subtree of this.frontier.append(leafHash)) {
      const level = Math.log2(subtree.size);
      (this.levels[level] ??= []).push(subtree.hash);
    }
  }

  root(): Buffer {
    return this.frontier.root();
  }

  subtreeHashes(refs: readonly SubtreeRef[]): Buffer[] {
    this.stats.batches++;
    this.stats.reads += refs.length;
    return refs.map((ref) => {
      const hash = this.levels[Math.log2(ref.size)]?.[ref.start / ref.size];
      if (!hash) throw new RangeError(`no complete subtree of size ${ref.size} at ${ref.start} in a tree of ${this.treeSize} leaves`);
      return hash;
    });
  }
}
