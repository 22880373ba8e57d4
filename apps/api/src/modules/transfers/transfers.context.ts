import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { ProcessorLoaders } from '../processors';
import type { AdequacyRegisterService } from './adequacy.app-service';
import type { TransferImpactService } from './transfer-impact.app-service';
import type { TransferLoaders } from './transfers.loaders';

/** What the transfers feature's resolvers use of their request. */
export type TransfersContext = RequestContext<{ adequacy: AdequacyRegisterService; transferImpact: TransferImpactService }, TransferLoaders & ProcessorLoaders & RequestNow>;
