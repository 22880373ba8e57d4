import { EntityManager } from 'typeorm';
import { type ApprovalProgress, assertNextStatus, InvalidTransitionError, type SharingAction, type SharingStatus } from '@canopy/domain';
import { arrangementSnapshot, ProcessorEntity, ServiceEntity, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { invalidTransition, notFound, versionConflict } from '../../common/errors';
import { closeCurrentRows } from '../../common/history';
import { newId } from '../../common/ids';
import { updateVersioned } from '../../common/versioned-update';
import { appendAuditEvent } from '../audit';
import { isArrangementId } from './sharing.validation';

export type SharingAuditAction = 'proposed' | 'updated' | 'submitted' | 'approved' | 'rejected' | 'revoked' | 'withdrawn';

type MutableFields = Pick<
  SharingArrangementEntity,
  'status' | 'dataCategories' | 'purposes' | 'legalBasis' | 'requiredApprovals' | 'decisionReason' | 'decidedBy' | 'submittedAt' | 'decidedAt'
>;

export interface ArrangementChange {
  action: SharingAuditAction;
  set: Partial<MutableFields>;
  /** Writes that belong to the change (an approval row), run after the version check. */
  alsoWrite?: (updated: SharingArrangementEntity) => Promise<void>;
  /** Added to the audit event's `after` (the checks an approval passed, approvals so far). */
  auditAfter?: Record<string, unknown>;
}

export interface ArrangementWithService {
  arrangement: SharingArrangementEntity;
  service: ServiceEntity;
}

const arrangementLabel = (id: string) => `Sharing arrangement ${id}`;

/** Read before validating input, so FORBIDDEN can win over BAD_USER_INPUT (DESIGN.md section 5). */
export async function findWithService(db: Database, id: string): Promise<ArrangementWithService | null> {
  if (!isArrangementId(id)) return null;
  const arrangement = await db.manager.findOneBy(SharingArrangementEntity, { id: String(id).toLowerCase() });
  if (!arrangement) return null;
  return { arrangement, service: await db.manager.findOneByOrFail(ServiceEntity, { id: arrangement.serviceId }) };
}

/** Inside the write transaction: NOT_FOUND, then VERSION_CONFLICT. */
export async function loadForChange(tx: EntityManager, id: string, expectedVersion: number): Promise<SharingArrangementEntity> {
  const row = await tx.findOneBy(SharingArrangementEntity, { id });
  if (!row) throw notFound('Sharing arrangement', id);
  if (row.version !== expectedVersion) throw versionConflict(arrangementLabel(id), expectedVersion, row.version);
  return row;
}

/** The domain state machine's next status, or INVALID_TRANSITION. */
export function transition(row: SharingArrangementEntity, action: SharingAction, approval?: ApprovalProgress): SharingStatus {
  try {
    return assertNextStatus(row.status as SharingStatus, action, approval ?? { approvalCount: 0, requiredApprovals: row.requiredApprovals });
  } catch (error) {
    if (error instanceof InvalidTransitionError) throw invalidTransition(`Cannot ${action} sharing arrangement ${row.id}: it is ${row.status}.`);
    throw error;
  }
}

/**
 * Applies one change to an arrangement inside the caller's transaction, at
 * the transaction's instant `now`: a conditional UPDATE on (id, version)
 * first, so of two writers of the same version exactly one matches a row (on
 * MySQL the loser waits on the row lock and then matches nothing); the loser
 * throws VERSION_CONFLICT and its transaction rolls back with nothing
 * written. Then the change's own writes, the revision that keeps history,
 * and exactly one audit event.
 */
export async function commitChange(tx: EntityManager, now: Date, actor: Viewer, row: SharingArrangementEntity, change: ArrangementChange): Promise<SharingArrangementEntity> {
  const next = await updateVersioned(tx, SharingArrangementEntity, row, change.set, now, { what: arrangementLabel(row.id), expected: row.version });
  const updated: SharingArrangementEntity = Object.assign(new SharingArrangementEntity(), row, next);
  if (change.alsoWrite) await change.alsoWrite(updated);
  await closeCurrentRows(tx, SharingArrangementRevisionEntity, 'arrangement_id', row.id, now);
  await insertRevision(tx, updated, change.action, actor.id, now);
  const { serviceKey, processorKey } = await keysOf(tx, row);
  await appendAuditEvent(tx, now, actor, {
    action: `sharing.${change.action}`,
    entityType: 'sharing',
    entityId: row.id,
    before: arrangementSnapshot(row, serviceKey, processorKey),
    after: { ...arrangementSnapshot(updated, serviceKey, processorKey), ...change.auditAfter },
  });
  return updated;
}

/** Inserts a new arrangement (version 1) with its first revision and its audit event. */
export async function insertArrangement(
  tx: EntityManager,
  now: Date,
  actor: Viewer,
  row: SharingArrangementEntity,
  keys: { serviceKey: string; processorKey: string },
): Promise<void> {
  await tx.insert(SharingArrangementEntity, row);
  await insertRevision(tx, row, 'proposed', actor.id, now);
  await appendAuditEvent(tx, now, actor, {
    action: 'sharing.proposed',
    entityType: 'sharing',
    entityId: row.id,
    after: arrangementSnapshot(row, keys.serviceKey, keys.processorKey),
  });
}

async function insertRevision(tx: EntityManager, row: SharingArrangementEntity, action: SharingAuditAction, changedBy: string, at: Date): Promise<void> {
  await tx.insert(SharingArrangementRevisionEntity, {
    id: newId(),
    arrangementId: row.id,
    serviceId: row.serviceId,
    processorId: row.processorId,
    version: row.version,
    action,
    status: row.status,
    dataCategories: row.dataCategories,
    purposes: row.purposes,
    legalBasis: row.legalBasis,
    requiredApprovals: row.requiredApprovals,
    decisionReason: row.decisionReason,
    decidedBy: row.decidedBy,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    changedBy,
    validFrom: at,
    validTo: null,
  });
}

async function keysOf(tx: EntityManager, row: SharingArrangementEntity): Promise<{ serviceKey: string; processorKey: string }> {
  const service = await tx.findOneOrFail(ServiceEntity, { where: { id: row.serviceId }, select: { id: true, key: true } });
  const processor = await tx.findOneOrFail(ProcessorEntity, { where: { id: row.processorId }, select: { id: true, key: true } });
  return { serviceKey: service.key, processorKey: processor.key };
}
