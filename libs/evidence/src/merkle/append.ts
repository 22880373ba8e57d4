import { nodeHash } from './hashing';
import type { ProofPlan } from './proof-plans';
import { SubtreeHash, subtreesCompletedBy } from './subtrees';

/**
 * Appending the leaf at leafIndex, as a store does inside the transaction
 * that writes the event: read the left halves of the subtrees the leaf
 * completes (one per trailing 1 bit of leafIndex: none for half the appends,
 * one on average) and get back every subtree completed, smallest first, the
 * leaf itself included, to insert.
 */
export function planAppend(leafIndex: number, leafHash: Uint8Array): ProofPlan<SubtreeHash[]> {
  const completed = subtreesCompletedBy(leafIndex);
  const leftHalves = completed.slice(1).map(({ start, size }) => ({ start, size: size / 2 }));
  return {
    subtrees: leftHalves,
    assemble(hashes) {
      if (hashes.length !== leftHalves.length) throw new RangeError(`expected ${leftHalves.length} subtree hashes, got ${hashes.length}`);
      let hash: Buffer = Buffer.from(leafHash);
      return completed.map((ref, i) => {
        if (i > 0) hash = nodeHash(hashes[i - 1], hash);
        return { ...ref, hash };
      });
    },
  };
}
