import { EntityManager } from 'typeorm';
import { nextStatus, type ApprovalProgress, type SharingAction, type SharingStatus } from '@canopy/domain';
import { ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { invalidTransition, notFound, versionConflict } from '../../common/errors';
import { arrangementLabel } from './sharing.store';
import { isArrangementId } from './sharing.validation';

export interface ArrangementWithService {
  arrangement: SharingArrangementEntity;
  service: ServiceEntity;
}

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

/** The state machine's answer, or INVALID_TRANSITION. */
export function transition(row: SharingArrangementEntity, action: SharingAction, approval?: ApprovalProgress): SharingStatus {
  const result = nextStatus(row.status as SharingStatus, action, approval ?? { approvalCount: 0, requiredApprovals: row.requiredApprovals });
  if (!result.ok) throw invalidTransition(`Cannot ${action} sharing arrangement ${row.id}: it is ${row.status}.`);
  return result.status;
}
