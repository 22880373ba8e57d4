import type { EntityManager } from 'typeorm';
import { once } from '../../common/loader-helpers';
import { loadTaxonomy } from './taxonomy.app-service';

/** The taxonomy, read at most once per request (two statements) by whatever needs it first. */
export function createTaxonomyLoaders(m: EntityManager) {
  return { taxonomy: once(() => loadTaxonomy(m)) };
}

export type TaxonomyLoaders = ReturnType<typeof createTaxonomyLoaders>;
