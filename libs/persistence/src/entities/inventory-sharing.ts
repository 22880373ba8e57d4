import { FindingAcceptanceEntity } from './finding-acceptance.entity';
import { InventoryItemEntity } from './inventory-item.entity';
import { ProcessorEntity } from './processor.entity';
import { SharingApprovalEntity } from './sharing-approval.entity';
import { SharingArrangementRevisionEntity } from './sharing-arrangement-revision.entity';
import { SharingArrangementEntity } from './sharing-arrangement.entity';

export type { SubProcessorRecord } from './processor.entity';
export {
  FindingAcceptanceEntity,
  InventoryItemEntity,
  ProcessorEntity,
  SharingApprovalEntity,
  SharingArrangementEntity,
  SharingArrangementRevisionEntity,
};

/** Inventories, processors, sharing arrangements and finding acceptances (migration InventorySharing1764400002000). */
export const INVENTORY_SHARING_ENTITIES = [
  InventoryItemEntity,
  ProcessorEntity,
  SharingArrangementEntity,
  SharingArrangementRevisionEntity,
  SharingApprovalEntity,
  FindingAcceptanceEntity,
];
