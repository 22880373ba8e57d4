import type { Taxonomy } from '@canopy/domain';
import { badInput } from '../../common/errors';
import { DataSourceKind } from '../../common/graphql-enums';
import type { InventoryItemInput } from './inventory.inputs';

/** At most this many items per service: an inventory lists kinds of data, not records. */
export const MAX_INVENTORY_ITEMS = 500;
const DEVICE_PERMISSION = /^[A-Z][A-Z0-9_]{1,39}$/;

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

/**
 * Validates a whole inventory before anything is written; the first problem
 * is a BAD_USER_INPUT naming the argument path (`items[2].purposes`) and the
 * offending key. Decisions: an item needs at least one purpose (data held for
 * no purpose breaches data minimisation); repeated purposes or data subjects
 * are folded; device permissions are upper-case names (CAMERA, LOCATION).
 */
export function validateInventory(items: readonly InventoryItemInput[], taxonomy: Taxonomy): ItemFacts[] {
  if (items.length > MAX_INVENTORY_ITEMS) {
    throw badInput(`An inventory may list at most ${MAX_INVENTORY_ITEMS} items; got ${items.length}.`, { argument: 'items' });
  }
  return items.map((item, i) => validateItem(item, taxonomy, `items[${i}]`));
}

function validateItem(item: InventoryItemInput, taxonomy: Taxonomy, at: string): ItemFacts {
  const category = String(item.dataCategory);
  if (!taxonomy.hasCategory(category)) {
    throw badInput(`${at}.dataCategory: unknown data category "${category.slice(0, 128)}".`, { argument: `${at}.dataCategory`, key: category.slice(0, 128) });
  }
  const purposes = [...new Set(item.purposes.map(String))];
  if (purposes.length === 0) throw badInput(`${at}.purposes: list at least one purpose.`, { argument: `${at}.purposes` });
  const unknown = taxonomy.unknownUses(purposes);
  if (unknown.length) {
    throw badInput(`${at}.purposes: unknown data use "${unknown[0].slice(0, 128)}".`, { argument: `${at}.purposes`, key: unknown[0].slice(0, 128) });
  }
  let devicePermission: string | null = null;
  if (item.devicePermission != null && item.devicePermission.trim() !== '') {
    if (item.source !== DataSourceKind.DEVICE_PERMISSION) {
      throw badInput(`${at}.devicePermission: only an item whose source is DEVICE_PERMISSION names a device permission.`, { argument: `${at}.devicePermission` });
    }
    devicePermission = item.devicePermission.trim().toUpperCase();
    if (!DEVICE_PERMISSION.test(devicePermission)) {
      throw badInput(`${at}.devicePermission: "${item.devicePermission.slice(0, 40)}" is not a permission name such as CAMERA or LOCATION.`, { argument: `${at}.devicePermission` });
    }
  }
  const retentionDays = item.retentionDays ?? null;
  if (retentionDays !== null && (!Number.isInteger(retentionDays) || retentionDays < 0)) {
    throw badInput(`${at}.retentionDays: must be a whole number of days, 0 or more (null = kept indefinitely); got ${retentionDays}.`, { argument: `${at}.retentionDays` });
  }
  let dataSubjects: string[] | null = null;
  if (item.dataSubjects != null) {
    const subjects = [...new Set(item.dataSubjects.map((s) => String(s).trim()))];
    if (subjects.some((s) => s === '')) throw badInput(`${at}.dataSubjects: entries must not be blank.`, { argument: `${at}.dataSubjects` });
    dataSubjects = subjects.length ? subjects : null;
  }
  return {
    dataCategory: category,
    purposes,
    source: item.source,
    devicePermission,
    legalBasis: item.legalBasis,
    retentionDays,
    encryption: item.encryption,
    publiclyVisible: item.publiclyVisible ?? false,
    dataSubjects,
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
