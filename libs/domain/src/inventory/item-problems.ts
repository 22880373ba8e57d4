import type { Taxonomy } from '../taxonomy/taxonomy';

/** At most this many items per service: an inventory lists kinds of data, not records. */
export const MAX_INVENTORY_ITEMS = 500;

/** A device permission is an upper-case name, e.g. CAMERA, MICROPHONE, LOCATION. */
export const DEVICE_PERMISSION_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/** An inventory item as a person or a manifest writes it, before validation. */
export interface InventoryItemCandidate {
  dataCategory: string;
  purposes: readonly string[];
  source: string;
  devicePermission?: string | null;
  retentionDays?: number | null;
  dataSubjects?: readonly string[] | null;
}

export type InventoryItemField = 'dataCategory' | 'purposes' | 'devicePermission' | 'retentionDays' | 'dataSubjects';

export type InventoryItemProblemCode =
  | 'UNKNOWN_CATEGORY'
  | 'NO_PURPOSE'
  | 'UNKNOWN_USE'
  | 'PERMISSION_WITHOUT_DEVICE_SOURCE'
  | 'MALFORMED_PERMISSION'
  | 'NEGATIVE_OR_FRACTIONAL_RETENTION'
  | 'BLANK_DATA_SUBJECT';

export interface InventoryItemProblem {
  field: InventoryItemField;
  code: InventoryItemProblemCode;
  /** The key or value at fault, when there is one. */
  offending?: string;
}

/** The permission as stored: trimmed and upper-case; null when blank. */
export function normaliseDevicePermission(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.toUpperCase();
}

/**
 * Every problem of one inventory item, in field order; empty when valid.
 * Decisions (DESIGN.md is silent): an item needs at least one purpose (data
 * held for no purpose breaches data minimisation); only an item collected
 * through a device permission names one; retention is a whole number of
 * days, 0 or more (null: kept indefinitely); data subjects are not blank.
 */
export function inventoryItemProblems(item: InventoryItemCandidate, taxonomy: Pick<Taxonomy, 'hasCategory' | 'hasUse'>): InventoryItemProblem[] {
  const problems: InventoryItemProblem[] = [];
  const category = String(item.dataCategory);
  if (!taxonomy.hasCategory(category)) problems.push({ field: 'dataCategory', code: 'UNKNOWN_CATEGORY', offending: category });
  if (item.purposes.length === 0) problems.push({ field: 'purposes', code: 'NO_PURPOSE' });
  const unknownUse = item.purposes.map(String).find((use) => !taxonomy.hasUse(use));
  if (unknownUse !== undefined) problems.push({ field: 'purposes', code: 'UNKNOWN_USE', offending: unknownUse });
  const permission = normaliseDevicePermission(item.devicePermission);
  if (permission !== null) {
    if (item.source !== 'DEVICE_PERMISSION') problems.push({ field: 'devicePermission', code: 'PERMISSION_WITHOUT_DEVICE_SOURCE' });
    else if (!DEVICE_PERMISSION_PATTERN.test(permission)) problems.push({ field: 'devicePermission', code: 'MALFORMED_PERMISSION', offending: String(item.devicePermission) });
  }
  const retention = item.retentionDays ?? null;
  if (retention !== null && (!Number.isInteger(retention) || retention < 0)) {
    problems.push({ field: 'retentionDays', code: 'NEGATIVE_OR_FRACTIONAL_RETENTION', offending: String(retention) });
  }
  if (item.dataSubjects?.some((s) => String(s).trim() === '')) problems.push({ field: 'dataSubjects', code: 'BLANK_DATA_SUBJECT' });
  return problems;
}
