import type { ItemFacts } from './inventory.validation';

/** What the audit log keeps of an inventory item. */
export const itemSnapshot = (item: ItemFacts) => ({
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
