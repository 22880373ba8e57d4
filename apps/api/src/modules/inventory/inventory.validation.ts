import { MAX_INVENTORY_ITEMS, type InventoryItemProblem, type Taxonomy, inventoryItemProblems, normaliseDevicePermission } from '@canopy/domain';
import { badInput } from '../../common/errors';
import type { InventoryItemInput } from './inventory.inputs';

/** An inventory item as validated and normalised, ready to compare and store. */
export interface ItemFacts {
  dataCategory: string;
  purposes: string[];
  source: string;
  devicePermission: string | null;
  legalBasis: string;
  retentionDays: number | null;
  encryption: string;
  publiclyVisible: boolean;
  dataSubjects: string[] | null;
}

/** The domain's item problems (libs/domain inventory) in the API's words, after the argument path. */
function describe(problem: InventoryItemProblem, item: InventoryItemInput): string {
  const offending = (problem.offending ?? '').slice(0, 128);
  switch (problem.code) {
    case 'UNKNOWN_CATEGORY':
      return `unknown data category "${offending}".`;
    case 'NO_PURPOSE':
      return 'list at least one purpose.';
    case 'UNKNOWN_USE':
      return `unknown data use "${offending}".`;
    case 'PERMISSION_WITHOUT_DEVICE_SOURCE':
      return 'only an item whose source is DEVICE_PERMISSION names a device permission.';
    case 'MALFORMED_PERMISSION':
      return `"${offending.slice(0, 40)}" is not a permission name such as CAMERA or LOCATION.`;
    case 'NEGATIVE_OR_FRACTIONAL_RETENTION':
      return `must be a whole number of days, 0 or more (null = kept indefinitely); got ${item.retentionDays}.`;
    case 'BLANK_DATA_SUBJECT':
      return 'entries must not be blank.';
  }
}

/**
 * Validates a whole inventory before anything is written, by the domain's
 * item rules; the first problem is a BAD_USER_INPUT naming the argument path
 * (`items[2].purposes`) and the offending key. Repeated purposes or data
 * subjects are folded; device permissions are stored upper-case.
 */
export function validateInventory(items: readonly InventoryItemInput[], taxonomy: Taxonomy): ItemFacts[] {
  if (items.length > MAX_INVENTORY_ITEMS) {
    throw badInput(`An inventory may list at most ${MAX_INVENTORY_ITEMS} items; got ${items.length}.`, { argument: 'items' });
  }
  return items.map((item, i) => validateItem(item, taxonomy, `items[${i}]`));
}

function validateItem(item: InventoryItemInput, taxonomy: Taxonomy, at: string): ItemFacts {
  const [problem] = inventoryItemProblems(item, taxonomy);
  if (problem) {
    const argument = `${at}.${problem.field}`;
    throw badInput(`${argument}: ${describe(problem, item)}`, { argument, ...(problem.offending !== undefined && problem.code.startsWith('UNKNOWN') ? { key: problem.offending.slice(0, 128) } : {}) });
  }
  const subjects = item.dataSubjects == null ? [] : [...new Set(item.dataSubjects.map((s) => String(s).trim()))];
  return {
    dataCategory: String(item.dataCategory),
    purposes: [...new Set(item.purposes.map(String))],
    source: item.source,
    devicePermission: normaliseDevicePermission(item.devicePermission),
    legalBasis: item.legalBasis,
    retentionDays: item.retentionDays ?? null,
    encryption: item.encryption,
    publiclyVisible: item.publiclyVisible ?? false,
    dataSubjects: subjects.length ? subjects : null,
  };
}

/** Identity of an item's content: two items with the same facts are the same item (purposes in any order). */
export function itemSignature(item: ItemFacts): string {
  return JSON.stringify([
    item.dataCategory,
    [...item.purposes].sort(),
    item.source,
    item.devicePermission,
    item.legalBasis,
    item.retentionDays,
    item.encryption,
    item.publiclyVisible,
    item.dataSubjects ? [...item.dataSubjects].sort() : null,
  ]);
}
