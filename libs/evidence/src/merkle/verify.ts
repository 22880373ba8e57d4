import { bytesEqual, HASH_BYTES } from '../bytes';
import { EMPTY_TREE_HASH, nodeHash } from './hashing';
import { consistencyPlan, inclusionPlan } from './proof-paths';

const isHash = (h: Uint8Array): boolean => h.byteLength === HASH_BYTES;

/**
 * RFC 9162 2.1.3.2: the root an inclusion proof leads to from a leaf hash,
 * or null when the proof does not fit the leaf index and tree size.
 */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[]): Buffer | null {
  if (!isHash(leafHash) || !proof.every(isHash)) return null;
  const plan = inclusionPlan(leafIndex, treeSize, proof.length);
  if (!plan) return null;
  let r: Buffer = Buffer.from(leafHash);
  plan.forEach((step, i) => {
    r = step === 'left' ? nodeHash(proof[i], r) : nodeHash(r, proof[i]);
  });
  return r;
}

export function verifyInclusion(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
  return computed !== null && bytesEqual(computed, root);
}

/**
 * RFC 9162 2.1.4.2: whether the tree of toSize leaves with toRoot extends the
 * tree of fromSize leaves with fromRoot. Equal sizes need equal roots and an
 * empty proof; from the empty tree (whose root must be MTH({})) the proof is
 * empty too; otherwise an empty proof fails.
 */
export function verifyConsistency(fromSize: number, toSize: number, fromRoot: Uint8Array, toRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!isHash(fromRoot) || !isHash(toRoot) || !proof.every(isHash)) return false;
  const plan = consistencyPlan(fromSize, toSize, proof.length);
  if (!plan) return false;
  if (plan.kind === 'same-size') return bytesEqual(fromRoot, toRoot);
  if (plan.kind === 'from-empty') return bytesEqual(fromRoot, EMPTY_TREE_HASH);
  const path = plan.seedIsFromRoot ? [fromRoot, ...proof] : [...proof];
  let fr: Buffer = Buffer.from(path[0]);
  let sr: Buffer = Buffer.from(path[0]);
  plan.steps.forEach((step, i) => {
    const c = path[i + 1];
    if (step === 'both') fr = nodeHash(c, fr);
    sr = step === 'both' ? nodeHash(c, sr) : nodeHash(sr, c);
  });
  return bytesEqual(fr, fromRoot) && bytesEqual(sr, toRoot);
}
