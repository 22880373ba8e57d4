import type { RequestContext } from '../../auth/request-context';
import type { ListLimitApp } from '../../common/list-limit';
import type { RequestNow } from '../../common/loader-helpers';
import type { ProcessorRegistry } from './processor-registry.app-service';
import type { ProcessorLoaders } from './processor.loaders';

/** What the processors feature's resolvers use of their request. */
export type ProcessorsContext = RequestContext<{ processors: ProcessorRegistry } & ListLimitApp, ProcessorLoaders & RequestNow>;
