import type { SharingArrangementEntity } from './sharing-arrangement.entity';

/** What the audit log keeps of an arrangement (service and processor by key). */
export const arrangementSnapshot = (row: SharingArrangementEntity, serviceKey: string, processorKey: string) => ({
  id: row.id,
  service: serviceKey,
  processor: processorKey,
  dataCategories: row.dataCategories,
  purposes: row.purposes,
  legalBasis: row.legalBasis,
  status: row.status,
  requiredApprovals: row.requiredApprovals,
  decisionReason: row.decisionReason,
  version: row.version,
});
