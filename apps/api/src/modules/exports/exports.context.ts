import type { RequestContext } from '../../auth/request-context';
import type { ListLimitApp } from '../../common/list-limit';
import type { RequestNow } from '../../common/loader-helpers';
import type { RecordOfProcessingService } from './ropa.app-service';

/** What the exports feature's resolvers use of their request. */
export type ExportsContext = RequestContext<{ recordOfProcessing: RecordOfProcessingService } & ListLimitApp, RequestNow>;
