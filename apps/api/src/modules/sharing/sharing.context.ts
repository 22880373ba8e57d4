import type { RequestContext } from '../../auth/request-context';
import type { ListLimitApp } from '../../common/list-limit';
import type { RequestNow } from '../../common/loader-helpers';
import type { IdentityLoaders } from '../identity';
import type { ServiceLoaders } from '../services';
import type { SharingArrangements } from './sharing-arrangements.app-service';
import type { SharingRequests } from './sharing-requests.app-service';
import type { SharingReview } from './sharing-review.app-service';
import type { CheckFactLoaders } from './sharing.checks';
import type { SharingLoaders } from './sharing.loaders';

/** What the sharing feature's resolvers use of their request. */
export type SharingContext = RequestContext<
  { sharing: SharingRequests; sharingReview: SharingReview; sharingArrangements: SharingArrangements } & ListLimitApp,
  SharingLoaders & CheckFactLoaders & ServiceLoaders & IdentityLoaders & RequestNow
>;
