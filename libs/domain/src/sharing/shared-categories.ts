import type { Taxonomy } from '../taxonomy/taxonomy';

/**
 * What an arrangement really shares: each named category and every category
 * below it, in order, without repeats. Decision: sharing `device` shares
 * `device.location` too, so it needs the sensitive category's approvals and
 * must be permitted for it; otherwise naming a parent would bypass both.
 * Unknown keys are kept as given (validation reports them elsewhere).
 */
export function sharedCategoryKeys(categories: readonly string[], taxonomy: Taxonomy): string[] {
  const out = new Set<string>();
  for (const category of categories) {
    out.add(category);
    if (taxonomy.hasCategory(category)) for (const d of taxonomy.descendantsOf(category)) out.add(d);
  }
  return [...out];
}
