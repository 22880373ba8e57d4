import fc from 'fast-check';
import { leafHashHex, verifyConsistencyHex, verifyInclusionHex } from './browser';
import { leafHash } from './merkle/hashing';
import { MemorySubtreeStore } from './merkle/memory-store';
import { planConsistencyProof, planInclusionProof, planRootHash } from './merkle/proof-plans';
import { verifyConsistency, verifyInclusion } from './merkle/verify';

const entriesArb = fc.uniqueArray(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength: 1, maxLength: 70, selector: (e) => Buffer.from(e).toString('hex') });
const logArb = entriesArb.chain((entries) => fc.record({ entries: fc.constant(entries), index: fc.nat(entries.length - 1), from: fc.nat(entries.length), flip: fc.nat(1000) }));
const hex = (hashes: readonly Buffer[]) => hashes.map((h) => h.toString('hex'));
/** One hex digit of one proof hash changed (when there is a proof). */
const tamper = (hashes: string[], at: number) =>
  hashes.length === 0 ? hashes : hashes.map((h, i) => (i === at % hashes.length ? `${h[0] === '0' ? '1' : '0'}${h.slice(1)}` : h));

describe('browser verifier (WebCrypto)', () => {
  it('should agree with the Node verifier on real and on tampered consistency proofs', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, async ({ entries, from, flip }) => {
        const store = MemorySubtreeStore.fromLeafHashes(entries.map(leafHash));
        const n = entries.length;
        const read = <T>(plan: { subtrees: readonly { start: number; size: number }[]; assemble(h: readonly Uint8Array[]): T }) => plan.assemble(store.subtreeHashes(plan.subtrees));
        const fromRoot = read(planRootHash(from));
        const proof = read(planConsistencyProof(from, n));
        expect(await verifyConsistencyHex(from, n, fromRoot.toString('hex'), store.root().toString('hex'), hex(proof))).toBe(true);
        const forged = tamper(hex(proof), flip);
        const node = verifyConsistency(from, n, fromRoot, store.root(), forged.map((h) => Buffer.from(h, 'hex')));
        expect(await verifyConsistencyHex(from, n, fromRoot.toString('hex'), store.root().toString('hex'), forged)).toBe(node);
        if (forged.length) expect(node).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('should agree with the Node verifier on inclusion proofs, and refuse another leaf', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, async ({ entries, index }) => {
        const store = MemorySubtreeStore.fromLeafHashes(entries.map(leafHash));
        const n = entries.length;
        const plan = planInclusionProof(index, n);
        const proof = plan.assemble(store.subtreeHashes(plan.subtrees));
        const leaf = leafHash(entries[index]);
        expect(await leafHashHex(Buffer.from(entries[index]).toString('hex'))).toBe(leaf.toString('hex'));
        expect(verifyInclusion(index, n, leaf, proof, store.root())).toBe(true);
        expect(await verifyInclusionHex(index, n, leaf.toString('hex'), hex(proof), store.root().toString('hex'))).toBe(true);
        const other = leafHash(Buffer.alloc(32, 7)).toString('hex');
        expect(await verifyInclusionHex(index, n, other, hex(proof), store.root().toString('hex'))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('should refuse sizes a proof cannot fit, and malformed hashes', async () => {
    const root = 'ab'.repeat(32);
    expect(await verifyConsistencyHex(5, 3, root, root, [])).toBe(false);
    expect(await verifyConsistencyHex(3, 3, root, root, [])).toBe(true);
    expect(await verifyConsistencyHex(3, 3, root, 'AB'.repeat(32), [])).toBe(false);
    expect(await verifyConsistencyHex(0, 4, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', root, [])).toBe(true);
  });
});
