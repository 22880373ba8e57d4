import type { InventoryItemEntity } from '@canopy/persistence';
import { DataSourceKind, Encryption, LegalBasis } from './inventory.enums';
import { InventoryItem } from './inventory.types';

export const toInventoryItem = (row: InventoryItemEntity): InventoryItem =>
  Object.assign(new InventoryItem(), {
    id: row.id,
    serviceId: row.serviceId,
    dataCategory: row.dataCategory,
    purposes: row.purposes,
    source: row.source as DataSourceKind,
    devicePermission: row.devicePermission,
    legalBasis: row.legalBasis as LegalBasis,
    retentionDays: row.retentionDays,
    encryption: row.encryption as Encryption,
    publiclyVisible: row.publiclyVisible,
    dataSubjects: row.dataSubjects ?? [],
    validFrom: row.validFrom,
    validTo: row.validTo,
  });

/** The stable display order of an inventory: by category, then purposes, then id. */
export function byInventoryOrder(a: InventoryItemEntity, b: InventoryItemEntity): number {
  const pa = a.purposes.join(',');
  const pb = b.purposes.join(',');
  return a.dataCategory < b.dataCategory ? -1 : a.dataCategory > b.dataCategory ? 1 : pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
