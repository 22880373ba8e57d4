import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

export const TaxonomyQuery = graphql(`
  query Taxonomy {
    dataCategories {
      key
      name
      sensitive
      parentKey
    }
    dataUses {
      key
      name
    }
  }
`);

/** The taxonomy, cached once per session: which categories are sensitive, and the keys the editor offers. */
export function useTaxonomy() {
  const { data } = useQuery(TaxonomyQuery, { fetchPolicy: 'cache-first' });
  const sensitive = new Set((data?.dataCategories ?? []).filter((c) => c.sensitive).map((c) => c.key));
  return {
    categories: data?.dataCategories ?? [],
    uses: data?.dataUses ?? [],
    isSensitive: (key: string) => sensitive.has(key),
  };
}
