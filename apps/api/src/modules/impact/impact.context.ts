import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { ServiceLoaders } from '../services';
import type { ImpactPreview } from './impact-preview.app-service';

/** What the impact feature's resolvers use of their request. */
export type ImpactContext = RequestContext<{ impactPreview: ImpactPreview }, ServiceLoaders & RequestNow>;
