import { inventoryItemProblems, type InventoryItemProblem, type ClauseSetContext } from '@canopy/domain';
import type { DataSource, Encryption, InventoryItemInput, LegalBasis } from '../../gql/graphql';

/** One inventory item with every field the API keeps. */
export interface EditableItem {
  dataCategory: string;
  purposes: string[];
  source: DataSource;
  devicePermission: string | null;
  legalBasis: LegalBasis;
  retentionDays: number | null;
  encryption: Encryption;
  publiclyVisible: boolean;
  dataSubjects: string[];
}

/**
 * What `setInventory` gets for an item: every field, always. `Required<>`
 * makes the compiler refuse a mapping that leaves one out, so a field the
 * API adds cannot be dropped (and erased) by a save that did not know it.
 */
export function toItemInput(item: EditableItem): Required<InventoryItemInput> {
  return {
    dataCategory: item.dataCategory,
    purposes: [...item.purposes],
    source: item.source,
    devicePermission: item.devicePermission,
    legalBasis: item.legalBasis,
    retentionDays: item.retentionDays,
    encryption: item.encryption,
    publiclyVisible: item.publiclyVisible,
    dataSubjects: [...item.dataSubjects],
  };
}

/** The items as they are read, reduced to the fields `setInventory` takes (nothing else is sent back). */
export function editableItems(items: readonly EditableItem[]): EditableItem[] {
  return items.map((i) => toItemInput(i) as EditableItem);
}

/** The whole list after one item is added (index null), replaced or removed: the others are untouched. */
export function withItem(items: readonly EditableItem[], index: number | null, item: EditableItem): EditableItem[] {
  return index === null ? [...items, item] : items.map((current, i) => (i === index ? item : current));
}

export function withoutItem(items: readonly EditableItem[], index: number): EditableItem[] {
  return items.filter((_, i) => i !== index);
}

/** The item form as the person fills it: empty choices are empty strings, retention a number or nothing. */
export interface ItemFormValues {
  dataCategory: string;
  purposes: string[];
  source: DataSource | '';
  devicePermission: string;
  legalBasis: LegalBasis | '';
  retentionDays: number | string;
  keptIndefinitely: boolean;
  encryption: Encryption | '';
  publiclyVisible: boolean;
  dataSubjects: string[];
}

export const EMPTY_ITEM: ItemFormValues = {
  dataCategory: '',
  purposes: [],
  source: '',
  devicePermission: '',
  legalBasis: '',
  retentionDays: '',
  keptIndefinitely: false,
  encryption: '',
  publiclyVisible: false,
  dataSubjects: [],
};

export function toFormValues(item: EditableItem): ItemFormValues {
  return {
    ...item,
    source: item.source,
    devicePermission: item.devicePermission ?? '',
    retentionDays: item.retentionDays ?? '',
    keptIndefinitely: item.retentionDays === null,
    purposes: [...item.purposes],
    dataSubjects: [...item.dataSubjects],
  };
}

/** Only called once the form's checks pass: every choice is made. */
export function fromFormValues(v: ItemFormValues): EditableItem {
  return {
    dataCategory: v.dataCategory,
    purposes: [...v.purposes],
    source: v.source as DataSource,
    devicePermission: v.devicePermission.trim() ? v.devicePermission.trim().toUpperCase() : null,
    legalBasis: v.legalBasis as LegalBasis,
    retentionDays: v.keptIndefinitely ? null : Number(v.retentionDays),
    encryption: v.encryption as Encryption,
    publiclyVisible: v.publiclyVisible,
    dataSubjects: v.dataSubjects.map((s) => s.trim()).filter(Boolean),
  };
}

const PROBLEM_SENTENCES: Record<InventoryItemProblem['code'], (p: InventoryItemProblem) => string> = {
  UNKNOWN_CATEGORY: (p) => `“${p.offending}” is not a data category of the taxonomy.`,
  NO_PURPOSE: () => 'Choose at least one purpose: data held for no purpose may not be collected.',
  UNKNOWN_USE: (p) => `“${p.offending}” is not a data use of the taxonomy.`,
  PERMISSION_WITHOUT_DEVICE_SOURCE: () => 'Only an item collected through a device permission names one: clear it, or choose that source.',
  MALFORMED_PERMISSION: (p) => `“${p.offending}” is not a permission name such as CAMERA or LOCATION.`,
  NEGATIVE_OR_FRACTIONAL_RETENTION: () => 'Enter a whole number of days, 0 or more.',
  BLANK_DATA_SUBJECT: () => 'Remove the blank data subject.',
};

/** The form's checks: every choice made, then the domain's item rules, in words next to each field. */
export function itemFormErrors(v: ItemFormValues, taxonomy: ClauseSetContext['taxonomy'] | null): Partial<Record<keyof ItemFormValues, string>> {
  const errors: Partial<Record<keyof ItemFormValues, string>> = {};
  if (!v.dataCategory) errors.dataCategory = 'Choose the data category.';
  if (!v.source) errors.source = 'Choose where the data comes from.';
  if (!v.legalBasis) errors.legalBasis = 'Choose the legal basis.';
  if (!v.encryption) errors.encryption = 'Choose how the data is encrypted.';
  if (!v.keptIndefinitely && v.retentionDays === '') errors.retentionDays = 'Enter how many days the data is kept, or tick “kept indefinitely”.';
  const candidate = { ...v, retentionDays: v.keptIndefinitely || v.retentionDays === '' ? null : Number(v.retentionDays) };
  const known = taxonomy ?? { hasCategory: () => true, hasUse: () => true };
  for (const problem of inventoryItemProblems(candidate, known)) {
    if (problem.code === 'UNKNOWN_CATEGORY' && !v.dataCategory) continue;
    errors[problem.field] ??= PROBLEM_SENTENCES[problem.code](problem);
  }
  return errors;
}
