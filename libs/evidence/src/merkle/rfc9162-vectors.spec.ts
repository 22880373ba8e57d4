import { EMPTY_TREE_HASH, leafHash } from './hashing';
import { MemorySubtreeStore } from './memory-store';
import { planConsistencyProof, planInclusionProof, planRootHash } from './proof-plans';
import { readPlan } from './subtree-source';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';

/*
 * Known answers published with Certificate Transparency's Merkle code:
 * transparency-dev/merkle, proof/verify_test.go (the same vectors as
 * google/trillian merkle/log_verifier_test.go and
 * google/certificate-transparency's merkle tree tests): eight leaves, the
 * roots of the trees of 1..8 of them, and inclusion and consistency proofs.
 * In those files leaf numbers in `inclusionProofs` are 1-based.
 */
const dh = (hex: string) => Buffer.from(hex, 'hex');
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(dh);
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map(dh);
const inclusionProofs: Array<{ leaf: number; size: number; proof: string[] }> = [
  { leaf: 1, size: 1, proof: [] },
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const consistencyProofs: Array<{ from: number; to: number; proof: string[] }> = [
  { from: 1, to: 1, proof: [] },
  {
    from: 1,
    to: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'],
  },
  {
    from: 6,
    to: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const someHash = dh('abacaba000000000000000000000000000000000000000000060061e00123456');
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const store = MemorySubtreeStore.fromLeafHashes(leaves.map(leafHash));

describe('RFC 9162 Merkle tree (published vectors)', () => {
  it('should hash the empty tree to SHA-256 of nothing', () => {
    expect(EMPTY_TREE_HASH.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each(roots.map((root, i) => [i + 1, root] as const))('should give the published root of the tree of %i leaves', async (size, root) => {
    expect((await readPlan(store, planRootHash(size))).toString('hex')).toBe(root.toString('hex'));
    expect(MemorySubtreeStore.fromLeafHashes(leaves.slice(0, size).map(leafHash)).root().toString('hex')).toBe(root.toString('hex'));
  });

  describe.each(inclusionProofs)('inclusion proof of leaf $leaf in $size', ({ leaf, size, proof }) => {
    const index = leaf - 1;
    const hash = leafHash(leaves[index]);
    const root = roots[size - 1];
    const path = proof.map(dh);

    it('should be generated as published', async () => {
      expect(hex(await readPlan(store, planInclusionProof(index, size)))).toEqual(proof);
    });

    it('should verify', () => {
      expect(rootFromInclusionProof(index, size, hash, path)?.toString('hex')).toBe(root.toString('hex'));
      expect(verifyInclusion(index, size, hash, path, root)).toBe(true);
    });

    // The corruptions the published test applies (verifierCheck / corruptInclusionProof).
    const flip = (i: number) => path.map((p, j) => (j === i ? Buffer.from(p.map((b, k) => (k === 0 ? b ^ 8 : b))) : p));
    const probes: Array<[string, number, number, Buffer, Buffer[], Buffer]> = [
      ['leafIndex - 1', index - 1, size, hash, path, root],
      ['leafIndex + 1', index + 1, size, hash, path, root],
      ['leafIndex ^ 2', index ^ 2, size, hash, path, root],
      ['treeSize * 2', index, size * 2, hash, path, root],
      ['treeSize / 2', index, Math.floor(size / 2), hash, path, root],
      ['wrong leaf', index, size, leafHash(Buffer.from('WrongLeaf')), path, root],
      ['empty root', index, size, hash, path, EMPTY_TREE_HASH],
      ['random root', index, size, hash, path, someHash],
      ['trailing root', index, size, hash, [...path, root], root],
      ['preceding root', index, size, hash, [root, ...path], root],
      ...path.map((_, i): [string, number, number, Buffer, Buffer[], Buffer] => [`modified proof[${i}]`, index, size, hash, flip(i), root]),
      ...(path.length > 0 ? [['removed component', index, size, hash, path.slice(0, -1), root] as [string, number, number, Buffer, Buffer[], Buffer]] : []),
      ...(path.length > 1 ? [['inserted component', index, size, hash, [path[0], someHash, ...path.slice(1)], root] as [string, number, number, Buffer, Buffer[], Buffer]] : []),
    ];
    it.each(probes)('should fail with %s', (_desc, i, n, h, p, r) => {
      expect(verifyInclusion(i, n, h, p, r)).toBe(false);
    });
  });

  describe.each(consistencyProofs)('consistency proof from $from to $to', ({ from, to, proof }) => {
    const root1 = roots[from - 1];
    const root2 = roots[to - 1];
    const path = proof.map(dh);

    it('should be generated as published', async () => {
      expect(hex(await readPlan(store, planConsistencyProof(from, to)))).toEqual(proof);
    });

    it('should verify', () => {
      expect(verifyConsistency(from, to, root1, root2, path)).toBe(true);
    });

    if (path.length === 0) return; // as published, corruptions are tried on non-trivial proofs only
    const flip = (i: number) => path.map((p, j) => (j === i ? Buffer.from(p.map((b, k) => (k === 0 ? b ^ 16 : b))) : p));
    const probes: Array<[string, number, number, Buffer, Buffer, Buffer[]]> = [
      ['size1 - 1', from - 1, to, root1, root2, path],
      ['size1 + 1', from + 1, to, root1, root2, path],
      ['size1 ^ 2', from ^ 2, to, root1, root2, path],
      ['size2 * 2', from, to * 2, root1, root2, path],
      ['size2 / 2', from, Math.floor(to / 2), root1, root2, path],
      ['wrong root1', from, to, someHash, root2, path],
      ['wrong root2', from, to, root1, someHash, path],
      ['swapped roots', from, to, root2, root1, path],
      ['empty proof', from, to, root1, root2, []],
      ['trailing root1', from, to, root1, root2, [...path, root1]],
      ['trailing root2', from, to, root1, root2, [...path, root2]],
      ['preceding root1', from, to, root1, root2, [root1, ...path]],
      ['preceding root2', from, to, root1, root2, [root2, ...path]],
      ['preceding proof[0]', from, to, root1, root2, [path[0], ...path]],
      ['truncated proof', from, to, root1, root2, path.slice(0, -1)],
      ...path.map((_, i): [string, number, number, Buffer, Buffer, Buffer[]] => [`modified proof[${i}]`, from, to, root1, root2, flip(i)]),
    ];
    it.each(probes)('should fail with %s', (_desc, m, n, r1, r2, p) => {
      expect(verifyConsistency(m, n, r1, r2, p)).toBe(false);
    });
  });

  it('should verify the published edge cases of consistency', () => {
    // Equal sizes need equal roots and no proof; from the empty tree, no proof (this verifier also wants its root to be MTH({})).
    expect(verifyConsistency(1, 1, roots[0], roots[0], [])).toBe(true);
    expect(verifyConsistency(1, 1, roots[0], roots[1], [])).toBe(false);
    expect(verifyConsistency(1, 1, roots[0], roots[0], [EMPTY_TREE_HASH])).toBe(false);
    expect(verifyConsistency(0, 1, EMPTY_TREE_HASH, roots[0], [])).toBe(true);
    expect(verifyConsistency(0, 1, EMPTY_TREE_HASH, roots[0], [EMPTY_TREE_HASH])).toBe(false);
    expect(verifyConsistency(1, 0, roots[0], EMPTY_TREE_HASH, [])).toBe(false);
    expect(verifyConsistency(2, 1, roots[1], roots[0], [])).toBe(false);
    expect(verifyConsistency(1, 2, roots[0], roots[1], [])).toBe(false);
  });

  it('should refuse an inclusion proof outside the tree or with hashes of the wrong length', () => {
    expect(verifyInclusion(0, 0, someHash, [], EMPTY_TREE_HASH)).toBe(false);
    expect(verifyInclusion(2, 1, someHash, [], someHash)).toBe(false);
    expect(verifyInclusion(0, 1, Buffer.alloc(0), [], Buffer.alloc(0))).toBe(false);
    const one = leafHash(Buffer.from('data'));
    expect(verifyInclusion(0, 1, one, [], one)).toBe(true);
  });
});
