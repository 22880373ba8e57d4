import type { RequestContext } from '../../auth/request-context';
import type { IdentityLoaders } from '../identity';
import type { ServiceLoaders } from '../services';
import type { ListLimitApp } from '../../common/list-limit';
import type { OrganisationLoaders } from '../../common/organisation-facts';
import type { FindingAcceptances } from './finding-acceptance.app-service';
import type { FindingsEvaluator } from './findings-evaluator.app-service';
import type { FindingsPager } from './findings-pager.app-service';
import type { FindingsLoaders } from './findings.loaders';

/** What the findings feature's resolvers use of their request. */
export type FindingsContext = RequestContext<
  { findings: FindingsEvaluator; findingsPager: FindingsPager; findingAcceptances: FindingAcceptances } & ListLimitApp,
  FindingsLoaders & ServiceLoaders & IdentityLoaders & OrganisationLoaders & { now: Date }
>;
