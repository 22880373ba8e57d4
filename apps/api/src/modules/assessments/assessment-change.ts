import type { EntityManager } from 'typeorm';
import { assessedSnapshot, type AssessedSnapshot, type AssessmentTransitionResult } from '@canopy/domain';
import { AssessmentEntity, AssessmentRevisionEntity, assessmentSnapshot, ProcessorEntity, ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import { CanopyError, badInput, invalidTransition, notFound, versionConflict } from '../../common/errors';
import { closeCurrentRows } from '../../common/history';
import { newId } from '../../common/ids';
import { updateVersioned } from '../../common/versioned-update';
import { appendAuditEvent } from '../audit';
import { currentInventories } from '../inventory';
import { processorTransferFacts } from '../processors';

/** What made a version of an assessment; the audit action is `assessment.<action>`. */
export type AssessmentAction = 'drafted' | 'redrafted' | 'submitted' | 'approved' | 'rejected' | 'consulted';

type Changes = Partial<Omit<AssessmentEntity, 'id' | 'serviceId' | 'arrangementId' | 'kind' | 'questionnaireVersion' | 'authorId' | 'createdAt' | 'version'>>;

/** The columns of assessments that each revision repeats (AssessmentFields). */
const REVISION_FIELDS = [
  'serviceId',
  'arrangementId',
  'kind',
  'questionnaireVersion',
  'authorId',
  'status',
  'answers',
  'risks',
  'assessedCategories',
  'assessedContent',
  'reviewDueAt',
  'consultationAuthority',
  'consultedAt',
  'consultationOutcome',
  'decidedBy',
  'decisionComment',
  'submittedAt',
  'decidedAt',
  'version',
] as const satisfies readonly (keyof AssessmentEntity)[];

const label = (id: string) => `Assessment ${id}`;

/** Inside the write transaction: NOT_FOUND, then VERSION_CONFLICT (null `expectedVersion`: any version). */
export async function loadAssessmentForChange(tx: EntityManager, id: string, expectedVersion: number | null): Promise<AssessmentEntity> {
  const row = await tx.findOneBy(AssessmentEntity, { id });
  if (!row) throw notFound('Assessment', id);
  if (expectedVersion !== null && row.version !== expectedVersion) throw versionConflict(label(id), expectedVersion, row.version);
  return row;
}

/** The domain's verdict on a transition as the API's error, or nothing when it is allowed. */
export function requireTransition(id: string, result: AssessmentTransitionResult): asserts result is Extract<AssessmentTransitionResult, { ok: true }> {
  if (result.ok) return;
  if (result.code === 'BAD_USER_INPUT') throw badInput(result.message, { argument: result.argument });
  if (result.code === 'INVALID_TRANSITION') throw invalidTransition(`${label(id)}: ${result.message}.`);
  throw new CanopyError('CHECKS_FAILED', `${label(id)}: ${result.message}.`, { failedChecks: result.failed.map((c) => c.name) });
}

/**
 * What the assessment assesses as it stands at the transaction's instant:
 * the service's current inventory (DPIA), or its arrangement's content with
 * the processor's and sub-processors' countries and mechanisms (TIA).
 */
export async function snapshotSubject(tx: EntityManager, row: Pick<AssessmentEntity, 'kind' | 'serviceId' | 'arrangementId'>): Promise<AssessedSnapshot> {
  if (row.kind === 'DPIA') {
    const items = await currentInventories(tx, [row.serviceId]);
    return assessedSnapshot({ kind: 'DPIA', inventoryCategories: items.map((i) => i.dataCategory) });
  }
  const arrangement = await tx.findOneByOrFail(SharingArrangementEntity, { id: row.arrangementId ?? '' });
  const processor = await tx.findOneByOrFail(ProcessorEntity, { id: arrangement.processorId });
  return assessedSnapshot({
    kind: 'TIA',
    arrangement: { dataCategories: arrangement.dataCategories, purposes: arrangement.purposes, legalBasis: arrangement.legalBasis as never },
    processor: processorTransferFacts(processor),
  });
}

/**
 * One change of an assessment in the caller's transaction at `now`: the
 * conditional UPDATE on (id, version) (of two writers exactly one wins), the
 * revision that keeps history, and one audit event.
 */
export async function commitAssessmentChange(
  tx: EntityManager,
  now: Date,
  actor: Viewer,
  row: AssessmentEntity,
  action: AssessmentAction,
  set: Changes,
  auditAfter: Record<string, unknown> = {},
): Promise<AssessmentEntity> {
  const written = await updateVersioned(tx, AssessmentEntity, row, set, now, { what: label(row.id), expected: row.version });
  const updated: AssessmentEntity = Object.assign(new AssessmentEntity(), row, written);
  await closeCurrentRows(tx, AssessmentRevisionEntity, 'assessment_id', row.id, now);
  await recordVersion(tx, now, actor, updated, action, row, auditAfter);
  return updated;
}

/** Inserts a new assessment (version 1) with its first revision and its audit event. */
export async function insertAssessment(tx: EntityManager, now: Date, actor: Viewer, row: AssessmentEntity): Promise<AssessmentEntity> {
  await tx.insert(AssessmentEntity, row);
  await recordVersion(tx, now, actor, row, 'drafted', null, {});
  return row;
}

async function recordVersion(
  tx: EntityManager,
  now: Date,
  actor: Viewer,
  row: AssessmentEntity,
  action: AssessmentAction,
  before: AssessmentEntity | null,
  auditAfter: Record<string, unknown>,
): Promise<void> {
  const id = row.id;
  const fields = Object.fromEntries(REVISION_FIELDS.map((f) => [f, row[f]])) as Pick<AssessmentEntity, (typeof REVISION_FIELDS)[number]>;
  await tx.insert(AssessmentRevisionEntity, { ...fields, id: newId(), assessmentId: id, action, changedBy: actor.id, validFrom: now, validTo: null });
  const service = await tx.findOneOrFail(ServiceEntity, { where: { id: row.serviceId }, select: { id: true, key: true } });
  await appendAuditEvent(tx, now, actor, {
    action: `assessment.${action}`,
    entityType: 'assessment',
    entityId: id,
    ...(before ? { before: assessmentSnapshot(before, service.key) } : {}),
    after: { ...assessmentSnapshot(row, service.key), ...auditAfter },
  });
}
