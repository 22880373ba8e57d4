import { planAppend } from './append';
import { planRootHash } from './proof-plans';
import type { SubtreeHashSource } from './subtree-source';
import type { SubtreeRef } from './subtrees';

/**
 * Every complete subtree hash of a log, kept in memory as a store keeps them
 * in a table (one row per subtree: size, start, hash) and appended the way a
 * store appends (planAppend). For tests and benchmarks; counts the reads
 * proofs cost.
 */
export class MemorySubtreeStore implements SubtreeHashSource {
  /** levels[j][i]: the subtree of size 2^j starting at leaf i * 2^j. */
  private readonly levels: Buffer[][] = [];
  private size = 0;
  /** Calls to subtreeHashes (a store's queries) and subtrees read. */
  readonly stats = { batches: 0, reads: 0 };

  static fromLeafHashes(leafHashes: Iterable<Uint8Array>): MemorySubtreeStore {
    const store = new MemorySubtreeStore();
    for (const leaf of leafHashes) store.append(leaf);
    return store;
  }

  get treeSize(): number {
    return this.size;
  }

  append(leafHash: Uint8Array): void {
    const plan = planAppend(this.size, leafHash);
    for (const subtree of plan.assemble(this.lookup(plan.subtrees))) {
      (this.levels[Math.log2(subtree.size)] ??= []).push(subtree.hash);
    }
    this.size++;
  }

  root(): Buffer {
    const plan = planRootHash(this.size);
    return plan.assemble(this.lookup(plan.subtrees));
  }

  subtreeHashes(refs: readonly SubtreeRef[]): Buffer[] {
    this.stats.batches++;
    this.stats.reads += refs.length;
    return this.lookup(refs);
  }

  private lookup(refs: readonly SubtreeRef[]): Buffer[] {
    return refs.map((ref) => {
      const hash = this.levels[Math.log2(ref.size)]?.[ref.start / ref.size];
      if (!hash) throw new RangeError(`no complete subtree of size ${ref.size} at ${ref.start} in a tree of ${this.treeSize} leaves`);
      return hash;
    });
  }
}
