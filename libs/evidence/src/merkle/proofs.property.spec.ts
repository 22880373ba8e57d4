import fc from 'fast-check';
import { referenceLeafHash, referenceMth, referencePath, referenceProof } from '../testing/rfc-reference';
import { leafHash } from './hashing';
import { MemorySubtreeStore } from './memory-store';
import { planConsistencyProof, planInclusionProof, planInclusionProofs, planRootHash } from './proof-plans';
import { verifyConsistency, verifyInclusion } from './verify';

/** Leaves are what the audit log puts there: 32-byte event hashes, distinct. */
const entriesArb = (minLength = 1) =>
  fc.uniqueArray(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength, maxLength: 140, selector: (e) => Buffer.from(e).toString('hex') });

const storeOf = (entries: readonly Uint8Array[]) => MemorySubtreeStore.fromLeafHashes(entries.map(leafHash));
const read = <T>(store: MemorySubtreeStore, plan: { subtrees: readonly { start: number; size: number }[]; assemble(h: readonly Uint8Array[]): T }) =>
  plan.assemble(store.subtreeHashes(plan.subtrees));
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

/** A log with some sizes and indexes in it. */
const logArb = entriesArb().chain((entries) =>
  fc.record({
    entries: fc.constant(entries),
    index: fc.nat(entries.length - 1),
    from: fc.nat(entries.length),
  }),
);

describe('Merkle proofs (properties)', () => {
  it('should compute every root, inclusion and consistency proof as the RFC definitions do', () => {
    fc.assert(
      fc.property(logArb, ({ entries, index, from }) => {
        const store = storeOf(entries);
        const n = entries.length;
        expect(store.root().equals(referenceMth(entries))).toBe(true);
        expect(read(store, planRootHash(from)).equals(referenceMth(entries.slice(0, from)))).toBe(true);
        expect(hex(read(store, planInclusionProof(index, n)))).toEqual(hex(referencePath(index, entries)));
        expect(hex(read(store, planConsistencyProof(from, n)))).toEqual(hex(referenceProof(from, entries)));
      }),
    );
  });

  it('should verify every inclusion proof, in every past tree that holds the leaf', () => {
    fc.assert(
      fc.property(logArb, ({ entries, index, from }) => {
        const store = storeOf(entries);
        const size = Math.max(from, index + 1);
        const root = read(store, planRootHash(size));
        const proof = read(store, planInclusionProof(index, size));
        expect(verifyInclusion(index, size, referenceLeafHash(entries[index]), proof, root)).toBe(true);
      }),
    );
  });

  it('should verify every consistency proof between sizes m <= n', () => {
    fc.assert(
      fc.property(logArb, ({ entries, from }) => {
        const store = storeOf(entries);
        const n = entries.length;
        const proof = read(store, planConsistencyProof(from, n));
        expect(verifyConsistency(from, n, read(store, planRootHash(from)), store.root(), proof)).toBe(true);
      }),
    );
  });

  it('should read each shared subtree once for a batch of proofs, and give each proof as alone', () => {
    fc.assert(
      fc.property(entriesArb(), fc.array(fc.nat(), { maxLength: 20 }), (entries, picks) => {
        const store = storeOf(entries);
        const indexes = picks.map((p) => p % entries.length);
        const batch = planInclusionProofs(indexes, entries.length);
        expect(new Set(batch.subtrees.map((s) => `${s.size}:${s.start}`)).size).toBe(batch.subtrees.length);
        const proofs = read(store, batch);
        indexes.forEach((index, i) => expect(hex(proofs[i])).toEqual(hex(read(store, planInclusionProof(index, entries.length)))));
      }),
    );
  });

  it('should reject a proof with any element changed, added or removed', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.nat(255), (log, pick, bit) => {
        const { entries, index } = log;
        const store = storeOf(entries);
        const n = entries.length;
        const proof = read(store, planInclusionProof(index, n));
        const leaf = referenceLeafHash(entries[index]);
        expect(verifyInclusion(index, n, leaf, [...proof, store.root()], store.root())).toBe(false);
        if (proof.length === 0) return;
        const i = pick % proof.length;
        const changed = proof.map((p, j) => (j === i ? Buffer.from(p.map((b, k) => (k === bit % 32 ? b ^ (1 << bit % 8) : b))) : p));
        expect(verifyInclusion(index, n, leaf, changed, store.root())).toBe(false);
        expect(verifyInclusion(index, n, leaf, proof.slice(0, -1), store.root())).toBe(false);
      }),
    );
  });

  describe('a rewritten log', () => {
    /** A log, a head recorded at size m, and the same log rewritten by the operator. */
    const rewriteArb = (rewrite: (entries: Uint8Array[], m: number) => fc.Arbitrary<Uint8Array[]>) =>
      entriesArb(2).chain((entries) =>
        fc.integer({ min: 1, max: entries.length }).chain((m) => rewrite(entries, m).map((forged) => ({ entries, m, forged }))),
      );

    /** The recorded head (m, root) and what the forged log can prove from it. */
    function audit({ entries, m, forged }: { entries: Uint8Array[]; m: number; forged: Uint8Array[] }) {
      const recordedRoot = storeOf(entries.slice(0, m)).root();
      const store = storeOf(forged);
      const n = forged.length;
      if (m > n) return { consistent: false, store, recordedRoot };
      const proof = read(store, planConsistencyProof(m, n));
      return { consistent: verifyConsistency(m, n, recordedRoot, store.root(), proof), store, recordedRoot };
    }

    it('should fail consistency with the recorded head when any single event before it was changed', () => {
      const changed = rewriteArb((entries, m) =>
        fc.tuple(fc.nat(m - 1), fc.uint8Array({ minLength: 32, maxLength: 32 })).map(([i, replacement]) => entries.map((e, j) => (j === i ? replacement : e))),
      );
      fc.assert(
        fc.property(changed, (log) => {
          fc.pre(!log.forged.every((e, i) => Buffer.from(e).equals(log.entries[i])));
          expect(audit(log).consistent).toBe(false);
        }),
      );
    });

    it('should fail consistency when two events before the head were swapped', () => {
      const swapped = rewriteArb((entries, m) =>
        fc.tuple(fc.nat(m - 1), fc.nat(entries.length - 1)).map(([i, j]) => {
          const forged = [...entries];
          [forged[i], forged[j]] = [forged[j], forged[i]];
          return forged;
        }),
      );
      fc.assert(
        fc.property(swapped, (log) => {
          fc.pre(!log.forged.every((e, i) => Buffer.from(e).equals(log.entries[i])));
          expect(audit(log).consistent).toBe(false);
          // And the moved event no longer proves its place against a head of the real log.
          const i = log.forged.findIndex((e, k) => !Buffer.from(e).equals(log.entries[k]));
          const realRoot = storeOf(log.entries).root();
          const proof = read(audit(log).store, planInclusionProof(i, log.forged.length));
          expect(verifyInclusion(i, log.entries.length, referenceLeafHash(log.forged[i]), proof, realRoot)).toBe(false);
        }),
      );
    });

    it('should fail consistency when the tail was cut, whether or not new events were appended after', () => {
      const truncated = rewriteArb((entries, m) =>
        fc
          .tuple(fc.integer({ min: 1, max: m }), fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 8 }))
          .map(([cut, appended]) => [...entries.slice(0, m - cut), ...appended]),
      );
      fc.assert(
        fc.property(truncated, (log) => {
          fc.pre(log.forged.length < log.m || !log.forged.slice(0, log.m).every((e, i) => Buffer.from(e).equals(log.entries[i])));
          expect(audit(log).consistent).toBe(false);
        }),
      );
    });
  });
});
