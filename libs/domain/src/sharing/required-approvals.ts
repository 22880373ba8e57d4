import type { Taxonomy } from '../taxonomy/taxonomy';
import { sharedCategoryKeys } from './shared-categories';

/**
 * 2 when any shared category is sensitive, else 1 (fixed at submit). A
 * category shares its sub-categories (see `sharedCategoryKeys`), so sharing
 * `device` needs 2 because `device.location` is sensitive.
 */
export function requiredApprovals(categories: readonly string[], taxonomy: Taxonomy): 1 | 2 {
  return sharedCategoryKeys(categories, taxonomy).some((c) => taxonomy.isSensitive(c)) ? 2 : 1;
}
