import type { RequestContext } from '../../auth/request-context';
import type { RequestNow } from '../../common/loader-helpers';
import type { AssessmentLoaders } from '../assessments';
import type { ProcessorLoaders } from '../processors';
import type { SharingLoaders } from '../sharing';
import type { AdequacyRegisterService } from './adequacy.app-service';
import type { TransferImpactService } from './transfer-impact.app-service';
import type { TransferLoaders } from './transfers.loaders';

/** What the transfers feature's resolvers use of their request. */
export type TransfersContext = RequestContext<
  { adequacy: AdequacyRegisterService; transferImpact: TransferImpactService },
  TransferLoaders & ProcessorLoaders & Pick<AssessmentLoaders, 'assessmentsByServiceId' | 'assessmentsAt'> & Pick<SharingLoaders, 'arrangementsAt'> & RequestNow
>;
