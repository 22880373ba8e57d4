import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import type { ClauseSetContext } from '@canopy/domain';
import { graphql } from '../gql';

export const TaxonomyQuery = graphql(`
  query Taxonomy {
    dataCategories {
      key
      name
      description
      sensitive
      parentKey
    }
    dataUses {
      key
      name
      description
    }
  }
`);

/**
 * The taxonomy (the /taxonomy page lists this same query), cached once per session: which categories are sensitive (the
 * stored flag, which the API keeps true for every sub-category of a sensitive
 * one), the keys the editor offers, and the key membership the domain's
 * clause checks ask for (null while loading).
 */
export function useTaxonomy() {
  const { data } = useQuery(TaxonomyQuery, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const categories = data?.dataCategories ?? [];
    const uses = data?.dataUses ?? [];
    const sensitive = new Set(categories.filter((c) => c.sensitive).map((c) => c.key));
    const categoryKeys = new Set(categories.map((c) => c.key));
    const useKeys = new Set(uses.map((u) => u.key));
    const taxonomy: ClauseSetContext['taxonomy'] | null = data ? { hasCategory: (k) => categoryKeys.has(k), hasUse: (k) => useKeys.has(k) } : null;
    return { categories, uses, taxonomy, isSensitive: (key: string) => sensitive.has(key) };
  }, [data]);
}
