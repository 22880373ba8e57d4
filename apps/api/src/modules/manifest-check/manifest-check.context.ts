import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { ManifestCheckService } from './manifest-check.app-service';

/** What the manifest-check feature's resolvers use of their request. */
export type ManifestCheckContext = RequestContext<{ manifestCheck: ManifestCheckService }, RequestNow>;
