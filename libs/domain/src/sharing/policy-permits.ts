import { ClauseIndex } from '../clauses/clause-index';
import type { EffectiveClause } from '../precedence/types';
import type { LegalBasis } from '../shared/vocabulary';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { sharedCategoryKeys } from './shared-categories';

export interface SharingPermission {
  category: string;
  permitted: boolean;
  clause: EffectiveClause | null;
  reason: string;
}

/**
 * Per shared category (each named one and every one below it, see
 * `sharedCategoryKeys`), whether the effective SHARING
 * `<category>:third_party` clause permits sharing with a processor: ALLOWED,
 * or CONSENT with the arrangement's legal basis CONSENT. Decision: with no
 * applicable clause the policy does not disclose such sharing, so it is not
 * permitted (fail closed).
 */
export function sharingPermissions(
  categories: readonly string[],
  legalBasis: LegalBasis,
  effective: readonly EffectiveClause[] | ClauseIndex<EffectiveClause>,
  taxonomy: Taxonomy,
): SharingPermission[] {
  const index = effective instanceof ClauseIndex ? effective : new ClauseIndex(effective);
  return sharedCategoryKeys(categories, taxonomy).map((category) => {
    const subject = `${category}:third_party`;
    const clause = index.applicable('SHARING', subject);
    if (!clause) return { category, permitted: false, clause, reason: `no SHARING clause covers ${subject}` };
    const ref = `SHARING ${clause.subject} = ${clause.value}`;
    if (clause.value === 'ALLOWED') return { category, permitted: true, clause, reason: `${ref} allows it` };
    if (clause.value === 'CONSENT') {
      return legalBasis === 'CONSENT'
        ? { category, permitted: true, clause, reason: `${ref} and the legal basis is CONSENT` }
        : { category, permitted: false, clause, reason: `${ref} requires consent, legal basis is ${legalBasis}` };
    }
    return { category, permitted: false, clause, reason: `${ref} prohibits it` };
  });
}
