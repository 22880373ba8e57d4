import type { RequestContext } from '../../auth/request-context';
import type { IdentityLoaders } from '../identity';
import type { NoticeService } from './notice.app-service';
import type { NoticeLoaders } from './notice.loaders';

/** What the notices feature's resolvers use of their request. */
export type NoticesContext = RequestContext<{ notices: NoticeService }, NoticeLoaders & IdentityLoaders>;
