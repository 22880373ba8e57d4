import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { OrganisationProfileService } from './organisation-profile.app-service';

/** What the organisation feature's resolvers use of their request. */
export type OrganisationContext = RequestContext<{ organisationProfile: OrganisationProfileService }, RequestNow>;
