import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { IdentityLoaders } from '../identity';
import type { ServiceNoticeSettings } from './service-notice-settings.app-service';
import type { ServiceRegistry } from './service-registry.app-service';
import type { ServiceLoaders } from './service.loaders';

/** What the services feature's resolvers use of their request. */
export type ServicesContext = RequestContext<{ services: ServiceRegistry; serviceNoticeSettings: ServiceNoticeSettings }, ServiceLoaders & IdentityLoaders & RequestNow>;
