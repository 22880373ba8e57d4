import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditEventEntity, AuditHeadEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import { AuditRecord, canonicalJson, chainHash, GENESIS_HASH, redact } from './audit-hash';
import { appendToAuditTree } from './audit-tree.sync';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Snapshots are TEXT columns (64 KiB on MySQL): a larger one is summarised, never cut mid-JSON. */
const MAX_SNAPSHOT_CHARS = 60_000;

function snapshot(value: unknown): { parsed: unknown; text: string | null } {
  if (value === undefined || value === null) return { parsed: null, text: null };
  const parsed = redact(value);
  const text = canonicalJson(parsed);
  if (text.length <= MAX_SNAPSHOT_CHARS) return { parsed, text };
  const summary = { truncated: true, originalLength: text.length, keys: Object.keys(parsed as object).slice(0, 50) };
  return { parsed: summary, text: canonicalJson(summary) };
}

/**
 * Appends one event to the chain inside the caller's transaction, dated with
 * the write's instant (`at`, from Database.write). The head row is bumped
 * first: on MySQL that row lock queues concurrent writers, so seq stays
 * gap-free and each event chains on the committed previous one. The event's
 * Merkle subtrees are stored in the same transaction (appendToAuditTree).
 */
export async function appendAuditEvent(tx: EntityManager, at: Date, actor: Viewer | null, entry: AuditEntry): Promise<AuditEventEntity> {
  await tx
    .createQueryBuilder()
    .update(AuditHeadEntity)
    .set({ seq: () => 'seq + 1' })
    .where('id = 1')
    .execute();
  const head = await tx.findOneByOrFail(AuditHeadEntity, { id: 1 });
  const before = snapshot(entry.before);
  const after = snapshot(entry.after);
  const record: AuditRecord = {
    seq: head.seq,
    at: at.toISOString(),
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: before.parsed,
    after: after.parsed,
  };
  const hash = chainHash(head.hash, record);
  const event = tx.create(AuditEventEntity, {
    ...record,
    at,
    before: before.text,
    after: after.text,
    prevHash: head.hash,
    hash,
  });
  await tx.insert(AuditEventEntity, event);
  await tx.update(AuditHeadEntity, { id: 1 }, { hash });
  // The Merkle tree's subtrees the event completes, in its transaction (DESIGN.md section 10): 2 statements.
  await appendToAuditTree(tx, head.seq, hash);
  return event;
}

/**
 * Creates and inserts a new row and appends the event of its creation, in the
 * caller's transaction; `event` describes it from the row as inserted.
 */
export async function insertAudited<E extends ObjectLiteral>(
  tx: EntityManager,
  at: Date,
  actor: Viewer | null,
  entity: EntityTarget<E>,
  values: DeepPartial<E>,
  event: (row: E) => AuditEntry,
): Promise<E> {
  const row = tx.create(entity, values);
  await tx.insert(entity, row);
  await appendAuditEvent(tx, at, actor, event(row));
  return row;
}

export function recordOf(event: AuditEventEntity): AuditRecord {
  return {
    seq: event.seq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before === null ? null : JSON.parse(event.before),
    after: event.after === null ? null : JSON.parse(event.after),
  };
}

export interface AuditVerification {
  ok: boolean;
  checkedEvents: number;
  firstBrokenSeq: number | null;
  headSeq: number | null;
  headHash: string | null;
}

/** Recomputes the whole chain in keyset-paged batches; names the first event that does not verify. */
export async function verifyAuditChain(manager: EntityManager, batchSize = 2000): Promise<AuditVerification> {
  // The head first. A write bumps the head and appends its event in one transaction, so every event up
  // to the head read here is committed; events committed while the check runs are left for the next one
  // (reading the head last would take them for a cut tail).
  const head = await manager.findOneBy(AuditHeadEntity, { id: 1 });
  const headSeq = head?.seq ?? 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let last: AuditEventEntity | null = null;
  for (;;) {
    const batch = await manager
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.seq >= :from AND e.seq <= :to', { from: expectedSeq, to: headSeq })
      .orderBy('e.seq', 'ASC')
      .take(batchSize)
      .getMany();
    for (const event of batch) {
      checked++;
      const intact = event.seq === expectedSeq && event.prevHash === prevHash && safeHash(event, prevHash) === event.hash;
      if (!intact) {
        return { ok: false, checkedEvents: checked, firstBrokenSeq: expectedSeq, headSeq: null, headHash: null };
      }
      prevHash = event.hash;
      expectedSeq++;
      last = event;
    }
    if (batch.length < batchSize) break;
  }
  if (headSeq !== (last?.seq ?? 0)) {
    // The head counter says more events were written than remain: the tail was cut.
    return { ok: false, checkedEvents: checked, firstBrokenSeq: expectedSeq, headSeq: last?.seq ?? null, headHash: last?.hash ?? null };
  }
  return { ok: true, checkedEvents: checked, firstBrokenSeq: null, headSeq: last?.seq ?? null, headHash: last?.hash ?? null };
}

function safeHash(event: AuditEventEntity, prevHash: string): string | null {
  try {
    return chainHash(prevHash, recordOf(event));
  } catch {
    return null; // an edited snapshot that is no longer JSON
  }
}
