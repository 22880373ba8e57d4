import type { RequestContext } from '../../auth/request-context';
import type { SecurityMeasuresService } from './security-measures.app-service';
import type { SecurityMeasureLoaders } from './security-measures.loaders';

/** What the security-measures feature's resolvers use of their request. */
export type SecurityMeasuresContext = RequestContext<{ securityMeasures: SecurityMeasuresService }, SecurityMeasureLoaders>;
