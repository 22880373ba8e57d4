import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { HomeRegionService } from './home-region.app-service';

/** What the home-region feature's resolvers use of their request. */
export type HomeRegionContext = RequestContext<{ homeRegion: HomeRegionService }, RequestNow>;
