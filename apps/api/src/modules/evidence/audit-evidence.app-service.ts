import { leafIndexOfSeq, readPlan, planConsistencyProof, planInclusionProof, planInclusionProofs, planRootHash, signTreeHead, SignedTreeHead, toHex } from '@canopy/evidence';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import type { AuditSigningKey } from './audit-signing-key';
import { AuditSubtreeStore, auditTreeSizes, catchUpAuditTree, storeAuditTreeUpTo } from '../audit';

export interface MerkleProofOf {
  leafIndex: number | null;
  treeSize: number;
  hashes: string[];
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Signed tree heads, inclusion and consistency proofs over the audit log
 * (DESIGN.md section 10). Each costs the same few statements whatever the
 * log's size: the sizes (one), then the plan's stored subtrees (one).
 */
export class AuditEvidence {
  constructor(
    private readonly db: Database,
    readonly signingKey: AuditSigningKey,
  ) {}

  /** The signed head of the first treeSize events (default: the whole log), timestamped `now`. */
  async treeHead(treeSize: number | null, now: Date): Promise<SignedTreeHead> {
    const size = await this.readyTree(treeSize, 'treeSize');
    const rootHash = await readPlan(new AuditSubtreeStore(this.db.manager), planRootHash(size));
    return signTreeHead({ treeSize: size, rootHash: toHex(rootHash), timestamp: now.toISOString() }, await this.signingKey.key());
  }

  /** The audit path of event `seq` (leaf seq - 1) in the tree of treeSize events. */
  async inclusionProof(seq: number, treeSize: number): Promise<MerkleProofOf> {
    if (!Number.isSafeInteger(seq) || seq < 1 || seq > treeSize) {
      throw badInput(`seq must be an event of the tree, from 1 to treeSize (${treeSize}); got ${seq}.`, { field: 'seq' });
    }
    await this.readyTree(treeSize, 'treeSize');
    const leafIndex = leafIndexOfSeq(seq);
    const hashes = await readPlan(new AuditSubtreeStore(this.db.manager), planInclusionProof(leafIndex, treeSize));
    return { leafIndex, treeSize, hashes: hashes.map(toHex) };
  }

  /** The inclusion proofs of many leaves in the tree of treeSize events (a bundle's), hex; shared subtrees read once, 5,000 a statement. */
  async inclusionProofs(leafIndexes: readonly number[], treeSize: number): Promise<string[][]> {
    if (leafIndexes.length === 0) return [];
    await this.readyTree(treeSize, 'treeSize');
    const proofs = await readPlan(new AuditSubtreeStore(this.db.manager), planInclusionProofs(leafIndexes, treeSize));
    return proofs.map((proof) => proof.map(toHex));
  }

  /** Proves the tree of toSize events extends the tree of fromSize events. */
  async consistencyProof(fromSize: number, toSize: number): Promise<MerkleProofOf> {
    if (!isCount(fromSize) || fromSize < 1 || fromSize > toSize) {
      throw badInput(`fromSize must be from 1 to toSize (${toSize}); got ${fromSize}.`, { field: 'fromSize' });
    }
    await this.readyTree(toSize, 'toSize');
    const hashes = await readPlan(new AuditSubtreeStore(this.db.manager), planConsistencyProof(fromSize, toSize));
    return { leafIndex: null, treeSize: toSize, hashes: hashes.map(toHex) };
  }

  /**
   * Checks a requested size against the log (1 to its size) and returns it.
   * Appends store their subtrees in their own transaction; only a log whose
   * stored tree is behind (migrated with events but no subtrees, or a
   * bulk-loaded dataset) is caught up here, once.
   */
  private async readyTree(treeSize: number | null, field: string): Promise<number> {
    const { logSize, storedSize } = await auditTreeSizes(this.db.manager);
    const size = treeSize ?? logSize;
    if (treeSize !== null && (!isCount(treeSize) || treeSize < 1 || treeSize > logSize)) {
      throw badInput(`${field} must be from 1 to the log's size (${logSize}); got ${treeSize}.`, { field, logSize });
    }
    if (storedSize < logSize) await storeAuditTreeUpTo(this.db, logSize);
    return size;
  }

  /**
   * Stores the subtrees of every event not in the stored tree yet: at start,
   * so a log that predates the table is not paid for by a request. The
   * release step (`main.js migrate`) does it first where it runs.
   */
  async storeNewEvents(): Promise<void> {
    await catchUpAuditTree(this.db);
  }
}
