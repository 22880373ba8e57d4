import type { EntityManager } from 'typeorm';
import { isSqlite } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { auditLeafHash, frontierOf, leafIndexOfSeq, MerkleFrontier, planAppend, SubtreeHash, subtreeKey } from '@canopy/evidence';
import { AuditSubtreeStore } from './audit-subtree.store';

/**
 * Small on purpose: what one read and its subtrees keep alive must stay a
 * small part of V8's young generation, or V8 doubles it for good at the
 * first catch-up (a 5,000-service dataset's first start went from 137 to
 * 221 MB of RSS with reads of 10,000 events).
 */
const EVENTS_PER_READ = 1000;
/** 3 parameters a row: well under SQLite's 32,766 and MySQL's 65,535 placeholders; a read of 1,000 events completes about 2,000 subtrees. */
const ROWS_PER_INSERT = 5000;

/** How many events the audit log holds and how many of them the stored tree covers, in one statement. */
export async function auditTreeSizes(manager: EntityManager): Promise<{ logSize: number; storedSize: number }> {
  const [row] = await manager.query(
    'SELECT h.seq AS log_size, (SELECT COALESCE(MAX(s.start) + 1, 0) FROM audit_subtrees s WHERE s.size = 1) AS stored_size FROM audit_head h WHERE h.id = 1',
  );
  return { logSize: Number(row?.log_size ?? 0), storedSize: Number(row?.stored_size ?? 0) };
}

/**
 * Stores the subtrees completed by audit event `seq` (hash `hash`), in the
 * transaction that appends it, after the head row is locked (so appends are
 * serial): one SELECT of the previous leaf and of the left halves the new
 * leaf completes, one INSERT of the leaf and every subtree it completes.
 *
 * When the previous leaf is not stored, the stored tree is behind the log (a
 * database migrated with events but no subtrees, or a bulk-loaded dataset):
 * nothing is written, and the catch-up (extendAuditTree, at start or at the
 * next head or proof) stores this event with the others. A subtree row is
 * written in the same transaction as its last leaf, so a stored leaf implies
 * every subtree completed up to it is stored.
 */
export async function appendToAuditTree(tx: EntityManager, seq: number, hash: string): Promise<void> {
  const leafIndex = leafIndexOfSeq(seq);
  const plan = planAppend(leafIndex, auditLeafHash(hash));
  const previousLeaf = leafIndex > 0 ? [{ size: 1, start: leafIndex - 1 }] : [];
  const wanted = [...previousLeaf, ...plan.subtrees];
  const found = wanted.length ? await new AuditSubtreeStore(tx).find(wanted) : new Map<string, Buffer>();
  if (wanted.some((ref) => !found.has(subtreeKey(ref)))) return;
  await insertSubtrees(tx, plan.assemble(plan.subtrees.map((ref) => found.get(subtreeKey(ref))!)));
}

/**
 * Stores the subtrees completed by the events after the stored tree, up to
 * `treeSize`, in the caller's transaction: the catch-up for a log whose
 * stored tree is behind (see appendToAuditTree). Rows are deterministic, so
 * two processes extending at once insert the same rows and the second one's
 * are ignored. Costs one statement per 1,000 events read and per 5,000 rows
 * written.
 */
export async function extendAuditTree(tx: EntityManager, storedSize: number, treeSize: number, eventsPerRead = EVENTS_PER_READ): Promise<void> {
  if (treeSize <= storedSize) return;
  const frontierRefs = frontierOf(storedSize);
  const frontier = MerkleFrontier.fromSubtreeHashes(storedSize, await new AuditSubtreeStore(tx).subtreeHashes(frontierRefs));
  for (let from = storedSize; from < treeSize; from += eventsPerRead) {
    const to = Math.min(treeSize, from + eventsPerRead);
    const hashes: { hash: string }[] = await tx.query('SELECT hash FROM audit_events WHERE seq > ? AND seq <= ? ORDER BY seq', [from, to]);
    if (hashes.length !== to - from) throw new Error(`audit events ${from + 1}..${to} are not all there: the log is not gap-free`);
    await insertSubtrees(tx, hashes.flatMap((event) => frontier.append(auditLeafHash(event.hash))));
  }
}

/**
 * Stores, in one transaction, the subtrees of the events up to `logSize`
 * that the stored tree lacks; returns how many events it stored.
 */
export function storeAuditTreeUpTo(db: Database, logSize: number): Promise<number> {
  return db.write(async (tx) => {
    const { storedSize } = await auditTreeSizes(tx);
    await extendAuditTree(tx, storedSize, logSize);
    return Math.max(0, logSize - storedSize);
  });
}

/**
 * The catch-up of a stored tree behind its log, for the release step
 * (`main.js migrate`) and for a process's start: the number of events stored,
 * 0 when the tree was whole.
 */
export async function catchUpAuditTree(db: Database): Promise<number> {
  const { logSize, storedSize } = await auditTreeSizes(db.manager);
  return storedSize < logSize ? storeAuditTreeUpTo(db, logSize) : 0;
}

/** Raw SQL: TypeORM's insert builder spends more time building a 5,000-row statement than the database takes to run it. */
async function insertSubtrees(tx: EntityManager, subtrees: SubtreeHash[]): Promise<void> {
  const insertIgnore = isSqlite(tx.connection) ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  for (let i = 0; i < subtrees.length; i += ROWS_PER_INSERT) {
    const chunk = subtrees.slice(i, i + ROWS_PER_INSERT);
    await tx.query(
      `${insertIgnore} INTO audit_subtrees (size, start, hash) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
      chunk.flatMap(({ size, start, hash }) => [size, start, hash.toString('hex')]),
    );
  }
}
