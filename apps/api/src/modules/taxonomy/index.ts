/** The taxonomy feature's face to the other features: reading the stored taxonomy, once per request or inside a transaction. */
export { loadTaxonomy } from './taxonomy.app-service';
export { createTaxonomyLoaders, type TaxonomyLoaders } from './taxonomy.loaders';
export type { TaxonomyContext } from './taxonomy.context';
