import type { RequestContext } from '../../auth/request-context';
import type { ListLimitApp } from '../../common/list-limit';
import type { RequestNow } from '../../common/loader-helpers';
import type { IdentityLoaders } from '../identity';
import type { ServiceLoaders } from '../services';
import type { TaxonomyLoaders } from '../taxonomy';
import type { ConflictService } from './conflict.app-service';
import type { PolicyAuthoring } from './policy-authoring.app-service';
import type { PolicyCatalog } from './policy-catalog.app-service';
import type { EffectivePolicyLoaders, PolicyLoaders } from './policy.loaders';

/** What the policies feature's resolvers use of their request. */
export type PoliciesContext = RequestContext<
  { policyAuthoring: PolicyAuthoring; policyCatalog: PolicyCatalog; conflicts: ConflictService } & ListLimitApp,
  PolicyLoaders & EffectivePolicyLoaders & ServiceLoaders & IdentityLoaders & TaxonomyLoaders & RequestNow
>;
