import type { RequestContext } from '../../auth/request-context';
import type { ListLimitApp } from '../../common/list-limit';
import type { IdentityLoaders } from '../identity';
import type { ServiceLoaders } from '../services';
import type { AssessmentReader } from './assessment-reader.app-service';
import type { StandingLoaders } from './assessment-standing';
import type { AssessmentWorkflow } from './assessment-workflow.app-service';
import type { AssessmentLoaders } from './assessment.loaders';
import type { AssessmentEnforcementService } from './enforcement.app-service';
import type { DpiaLoaders } from './dpia.loaders';

/** What the assessments feature's resolvers use of their request. */
export type AssessmentsContext = RequestContext<
  { assessmentEnforcement: AssessmentEnforcementService; assessments: AssessmentReader; assessmentWorkflow: AssessmentWorkflow } & ListLimitApp,
  DpiaLoaders & AssessmentLoaders & StandingLoaders & IdentityLoaders & ServiceLoaders
>;
