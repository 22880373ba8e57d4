import type { InventoryItemEntity } from './inventory-item.entity';

/** An inventory item's content: a stored row, or one validated and about to be stored. */
export type InventoryItemContent = Pick<
  InventoryItemEntity,
  'dataCategory' | 'purposes' | 'source' | 'devicePermission' | 'legalBasis' | 'retentionDays' | 'encryption' | 'publiclyVisible' | 'dataSubjects'
>;

/** What the audit log keeps of an inventory item. */
export const itemSnapshot = (item: InventoryItemContent) => ({
  dataCategory: item.dataCategory,
  purposes: item.purposes,
  source: item.source,
  devicePermission: item.devicePermission,
  legalBasis: item.legalBasis,
  retentionDays: item.retentionDays,
  encryption: item.encryption,
  publiclyVisible: item.publiclyVisible,
  dataSubjects: item.dataSubjects,
});
