import fc from 'fast-check';
import { referenceMth } from '../testing/rfc-reference';
import { isPowerOfTwo, leafHash, splitPoint } from './hashing';
import { planAppend } from './append';
import { MerkleFrontier } from './frontier';
import { MemorySubtreeStore } from './memory-store';
import { consistencyProofRanges, inclusionProofRanges, planConsistencyProof, planInclusionProof, planRootHash } from './proof-plans';
import { completeSubtreesOf, frontierOf, isAlignedSubtree, subtreesCompletedBy } from './subtrees';

const entry = (i: number) => Buffer.from(i.toString(16).padStart(64, '0'), 'hex');

describe('splitPoint', () => {
  it('should be the largest power of two below n', () => {
    expect([2, 3, 4, 5, 8, 9, 1000, 2 ** 40 + 1].map(splitPoint)).toEqual([1, 2, 2, 4, 4, 8, 512, 2 ** 40]);
    expect(() => splitPoint(1)).toThrow(RangeError);
    expect(isPowerOfTwo(2 ** 52)).toBe(true);
    expect(isPowerOfTwo(2 ** 52 - 1)).toBe(false);
  });
});

describe('complete subtrees', () => {
  it('should give the frontier of a tree, one subtree per set bit, largest first', () => {
    expect(frontierOf(0)).toEqual([]);
    expect(frontierOf(13)).toEqual([
      { start: 0, size: 8 },
      { start: 8, size: 4 },
      { start: 12, size: 1 },
    ]);
  });

  it('should name the subtrees an append completes: at most log2(n) + 1, two on average', () => {
    expect(subtreesCompletedBy(0)).toEqual([{ start: 0, size: 1 }]);
    expect(subtreesCompletedBy(6)).toEqual([{ start: 6, size: 1 }]);
    expect(subtreesCompletedBy(7)).toEqual([
      { start: 7, size: 1 },
      { start: 6, size: 2 },
      { start: 4, size: 4 },
      { start: 0, size: 8 },
    ]);
    let total = 0;
    for (let i = 0; i < 1024; i++) total += subtreesCompletedBy(i).length;
    expect(total).toBe(2047); // every complete subtree of 1024 leaves, stored once
  });

  it('should refuse a range that is not a node of a Merkle tree', () => {
    expect(() => completeSubtreesOf({ start: 1, end: 3 })).toThrow(RangeError);
    expect(completeSubtreesOf({ start: 8, end: 13 })).toEqual([
      { start: 8, size: 4 },
      { start: 12, size: 1 },
    ]);
  });

  it('should only ever ask for aligned subtrees that are complete in the tree proven', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), fc.nat(), (n, a, b) => {
        const index = a % n;
        const from = b % (n + 1);
        const refs = [planInclusionProof(index, n), planConsistencyProof(from, n), planRootHash(n)].flatMap((plan) => plan.subtrees);
        expect(refs.filter((ref) => !isAlignedSubtree(ref) || ref.start + ref.size > n)).toEqual([]);
      }),
    );
  });

  it('should read O(log n) subtrees per proof: at most 2 log2(n) + 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.nat(), fc.nat(), (n, a, b) => {
        const bound = 2 * Math.ceil(Math.log2(n)) + 1;
        expect(planInclusionProof(a % n, n).subtrees.length).toBeLessThanOrEqual(bound);
        expect(planConsistencyProof(b % (n + 1), n).subtrees.length).toBeLessThanOrEqual(bound);
        expect(inclusionProofRanges(a % n, n).length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(consistencyProofRanges(b % (n + 1), n).length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + 1);
      }),
    );
  });

  it('should refuse proofs outside the tree', () => {
    expect(() => planInclusionProof(5, 5)).toThrow(RangeError);
    expect(() => planInclusionProof(-1, 5)).toThrow(RangeError);
    expect(() => planConsistencyProof(6, 5)).toThrow(RangeError);
    expect(() => planRootHash(1.5)).toThrow(RangeError);
  });
});

describe('MerkleFrontier', () => {
  it('should resume from stored frontier hashes and go on as if never stopped', () => {
    const entries = Array.from({ length: 45 }, (_, i) => entry(i));
    const store = MemorySubtreeStore.fromLeafHashes(entries.slice(0, 29).map(leafHash));
    const resumed = MerkleFrontier.fromSubtreeHashes(29, store.subtreeHashes(frontierOf(29)));
    expect(resumed.root().equals(referenceMth(entries.slice(0, 29)))).toBe(true);
    const completed = entries.slice(29).flatMap((e) => resumed.append(leafHash(e)));
    expect(resumed.treeSize).toBe(45);
    expect(resumed.root().equals(referenceMth(entries))).toBe(true);
    // What the appends completed is what a store would add: each subtree once, with its MTH.
    expect(completed.map(({ start, size }) => ({ start, size }))).toEqual(entries.slice(29).flatMap((_, i) => subtreesCompletedBy(29 + i)));
    for (const s of completed) expect(s.hash.equals(referenceMth(entries.slice(s.start, s.start + s.size)))).toBe(true);
  });

  it('should complete the same subtrees as planAppend reading only the left halves it needs', () => {
    const frontier = MerkleFrontier.empty();
    const store = new MemorySubtreeStore();
    for (let i = 0; i < 70; i++) {
      const plan = planAppend(i, leafHash(entry(i)));
      expect(plan.subtrees).toHaveLength(subtreesCompletedBy(i).length - 1);
      const viaPlan = plan.assemble(store.subtreeHashes(plan.subtrees));
      expect(frontier.append(leafHash(entry(i)))).toEqual(viaPlan);
      store.append(leafHash(entry(i)));
    }
    expect(store.root().equals(frontier.root())).toBe(true);
  });

  it('should refuse frontier hashes that do not fit the tree size', () => {
    expect(() => MerkleFrontier.fromSubtreeHashes(3, [leafHash(entry(0))])).toThrow(RangeError);
  });

  it('should count the reads and refuse a subtree not yet complete', () => {
    const store = MemorySubtreeStore.fromLeafHashes(Array.from({ length: 6 }, (_, i) => leafHash(entry(i))));
    store.subtreeHashes(planInclusionProof(2, 6).subtrees);
    expect(store.stats).toEqual({ batches: 1, reads: 3 });
    expect(() => store.subtreeHashes([{ start: 4, size: 4 }])).toThrow(RangeError);
  });
});
