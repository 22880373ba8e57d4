import type { RequestContext } from '../../auth/request-context';
import type { IdentityService } from './identity.app-service';
import type { IdentityLoaders } from './identity.loaders';
import type { TokenService } from './token.app-service';

/** What the identity feature's resolvers use of their request. */
export type IdentityContext = RequestContext<{ identity: IdentityService; tokens: TokenService }, IdentityLoaders>;
