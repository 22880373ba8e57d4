import type { RequestContext } from '../../auth/request-context';
import type { TaxonomyService } from './taxonomy.app-service';
import type { TaxonomyLoaders } from './taxonomy.loaders';

/** What the taxonomy feature's resolvers use of their request. */
export type TaxonomyContext = RequestContext<{ taxonomy: TaxonomyService }, TaxonomyLoaders>;
