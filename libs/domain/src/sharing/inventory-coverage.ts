import { coversKey } from '../keys/taxonomy-key';

/**
 * True when the inventory holds `category`: an item names it or one of its
 * ancestors. Decision: an item declared at a coarser level (`user.contact`)
 * declares its sub-categories (`user.contact.email`), but not the reverse.
 */
export function inventoryHolds(inventoryCategories: readonly string[], category: string): boolean {
  return inventoryCategories.some((held) => held !== '*' && coversKey(held, category));
}

/** The categories of `categories` that the inventory does not hold, in order, without repeats. */
export function categoriesMissingFromInventory(inventoryCategories: readonly string[], categories: readonly string[]): string[] {
  return [...new Set(categories)].filter((c) => !inventoryHolds(inventoryCategories, c));
}
