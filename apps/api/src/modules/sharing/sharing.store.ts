import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { arrangementSnapshot, ProcessorEntity, ServiceEntity, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import { versionConflict } from '../../common/errors';
import { newId } from '../../common/ids';
import { appendAuditEvent } from '../audit/audit-log';
import { inChunks } from '../inventory/inventory.queries';

export type SharingAuditAction = 'proposed' | 'updated' | 'submitted' | 'approved' | 'rejected' | 'revoked' | 'withdrawn';

type MutableFields = Pick<
  SharingArrangementEntity,
  'status' | 'dataCategories' | 'purposes' | 'legalBasis' | 'requiredApprovals' | 'decisionReason' | 'decidedBy' | 'submittedAt' | 'decidedAt'
>;

export interface ArrangementChange {
  action: SharingAuditAction;
  set: Partial<MutableFields>;
  /** Writes that belong to the change (an approval row), run after the version check. */
  alsoWrite?: (updated: SharingArrangementEntity, now: Date) => Promise<void>;
  /** Added to the audit event's `after` (the checks an approval passed, approvals so far). */
  auditAfter?: Record<string, unknown>;
}

export const arrangementLabel = (id: string) => `Sharing arrangement ${id}`;

/**
 * Applies one change to an arrangement inside the caller's transaction:
 * a conditional UPDATE on (id, version) first, so of two writers of the same
 * version exactly one matches a row (on MySQL the loser waits on the row lock
 * and then matches nothing); the loser throws VERSION_CONFLICT and its
 * transaction rolls back with nothing written. Then the change's own writes,
 * the revision that keeps history, and exactly one audit event.
 */
export async function commitChange(tx: EntityManager, now: Date, actor: Viewer, row: SharingArrangementEntity, change: ArrangementChange): Promise<SharingArrangementEntity> {
  const next = { ...change.set, version: row.version + 1, updatedAt: now };
  const result = await tx
    .createQueryBuilder()
    .update(SharingArrangementEntity)
    .set(next)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  if (result.affected !== 1) throw versionConflict(arrangementLabel(row.id), row.version, row.version + 1);
  const updated: SharingArrangementEntity = Object.assign(new SharingArrangementEntity(), row, next);
  if (change.alsoWrite) await change.alsoWrite(updated, now);
  await tx
    .createQueryBuilder()
    .update(SharingArrangementRevisionEntity)
    .set({ validTo: now })
    .where('arrangement_id = :id AND valid_to IS NULL', { id: row.id })
    .execute();
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
export async function insertArrangement(tx: EntityManager, now: Date, actor: Viewer, row: SharingArrangementEntity, keys: { serviceKey: string; processorKey: string }): Promise<void> {
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

/** Reads of arrangements, current or as of an instant; each one statement per 10,000 keys. */
export class SharingReads {
  constructor(private readonly m: EntityManager) {}

  byIds(ids: readonly string[]): Promise<SharingArrangementEntity[]> {
    return inChunks([...new Set(ids)], (chunk) => this.m.findBy(SharingArrangementEntity, { id: In(chunk) }));
  }

  list(status: string | null): Promise<SharingArrangementEntity[]> {
    return this.m.find(SharingArrangementEntity, { where: status ? { status } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  ofServices(serviceIds: readonly string[] | 'all', statuses?: readonly string[]): Promise<SharingArrangementEntity[]> {
    const where = statuses ? { status: In([...statuses]) } : {};
    if (serviceIds === 'all') return this.m.find(SharingArrangementEntity, { where, order: { createdAt: 'ASC', id: 'ASC' } });
    return inChunks([...new Set(serviceIds)], (chunk) =>
      this.m.find(SharingArrangementEntity, { where: { ...where, serviceId: In(chunk) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  ofProcessors(processorIds: readonly string[]): Promise<SharingArrangementEntity[]> {
    return inChunks([...new Set(processorIds)], (chunk) =>
      this.m.find(SharingArrangementEntity, { where: { processorId: In(chunk) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  /** Revisions valid at `at` (valid_from <= at < valid_to), with the immutable origin of each arrangement. */
  async revisionsAt(
    filter: { serviceIds: readonly string[] } | { arrangementIds: readonly string[] } | { all: true },
    at: Date,
  ): Promise<{ revision: SharingArrangementRevisionEntity; origin: SharingArrangementEntity }[]> {
    const validAt = (q: SelectQueryBuilder<SharingArrangementRevisionEntity>) =>
      q.andWhere('r.validFrom <= :at AND (r.validTo IS NULL OR r.validTo > :at)', { at }).getMany();
    const base = () => this.m.createQueryBuilder(SharingArrangementRevisionEntity, 'r');
    let revisions: SharingArrangementRevisionEntity[];
    if ('all' in filter) revisions = await validAt(base().where('1 = 1'));
    else {
      const [column, keys] = 'serviceIds' in filter ? ['r.serviceId', filter.serviceIds] : ['r.arrangementId', filter.arrangementIds];
      revisions = await inChunks([...new Set(keys)], (chunk) => validAt(base().where(`${column} IN (:...chunk)`, { chunk })));
    }
    const origins = new Map((await this.byIds(revisions.map((r) => r.arrangementId))).map((a) => [a.id, a]));
    return revisions
      .map((revision) => ({ revision, origin: origins.get(revision.arrangementId) as SharingArrangementEntity }))
      .filter((r) => r.origin)
      .sort((a, b) => a.origin.createdAt.getTime() - b.origin.createdAt.getTime() || (a.origin.id < b.origin.id ? -1 : 1));
  }
}
