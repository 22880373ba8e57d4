import type { RequestContext } from '../../auth/request-context';
import type { AssessmentEnforcementService } from './enforcement.app-service';
import type { DpiaLoaders } from './dpia.loaders';

/** What the assessments feature's resolvers use of their request. */
export type AssessmentsContext = RequestContext<{ assessmentEnforcement: AssessmentEnforcementService }, DpiaLoaders>;
