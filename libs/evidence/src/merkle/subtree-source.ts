import { planConsistencyProof, planInclusionProof, planInclusionProofs, planRootHash, ProofPlan } from './proof-plans';
import type { SubtreeRef } from './subtrees';

/**
 * Where proofs read complete subtree hashes from: the API's table of stored
 * subtrees (one query per plan), or a MemorySubtreeStore.
 */
export interface SubtreeHashSource {
  /** The hash of each subtree asked for, in the order asked; each must be complete in the stored tree. */
  subtreeHashes(refs: readonly SubtreeRef[]): Promise<readonly Uint8Array[]> | readonly Uint8Array[];
}

/** Reads a plan's subtrees in one call and builds its result. */
export async function readPlan<T>(source: SubtreeHashSource, plan: ProofPlan<T>): Promise<T> {
  const hashes = plan.subtrees.length === 0 ? [] : await source.subtreeHashes(plan.subtrees);
  return plan.assemble(hashes);
}

export function inclusionProof(source: SubtreeHashSource, leafIndex: number, treeSize: number): Promise<Buffer[]> {
  return readPlan(source, planInclusionProof(leafIndex, treeSize));
}

export function inclusionProofs(source: SubtreeHashSource, leafIndexes: readonly number[], treeSize: number): Promise<Buffer[][]> {
  return readPlan(source, planInclusionProofs(leafIndexes, treeSize));
}

export function consistencyProof(source: SubtreeHashSource, fromSize: number, toSize: number): Promise<Buffer[]> {
  return readPlan(source, planConsistencyProof(fromSize, toSize));
}

export function rootHash(source: SubtreeHashSource, treeSize: number): Promise<Buffer> {
  return readPlan(source, planRootHash(treeSize));
}
