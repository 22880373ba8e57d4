import type { Application } from './application';
import type { RequestContext } from './auth/request-context';
import type { Loaders } from './loaders';
import type { AssessmentsContext } from './modules/assessments';
import type { AuditContext } from './modules/audit';
import type { EvidenceContext } from './modules/evidence';
import type { ExportsContext } from './modules/exports';
import type { FindingsContext } from './modules/findings';
import type { HomeRegionContext } from './modules/home-region';
import type { IdentityContext } from './modules/identity';
import type { ImpactContext } from './modules/impact';
import type { InventoryContext } from './modules/inventory';
import type { ManifestCheckContext } from './modules/manifest-check';
import type { NoticesContext } from './modules/notices';
import type { OrganisationContext } from './modules/organisation';
import type { OutboxContext } from './modules/outbox';
import type { PoliciesContext } from './modules/policies';
import type { ProcessorsContext } from './modules/processors';
import type { SecurityMeasuresContext } from './modules/security-measures';
import type { ServicesContext } from './modules/services';
import type { SharingContext } from './modules/sharing';
import type { TaxonomyContext } from './modules/taxonomy';
import type { TransfersContext } from './modules/transfers';
import type { WebhooksContext } from './modules/webhooks';

/** Everything a resolver sees: built fresh for every request from the application and its loaders. */
export type AppContext = RequestContext<Application, Loaders>;

/**
 * Each feature's resolvers type their context with what they use (its
 * `*.context.ts`); they never import this file. This one context must offer
 * all of it: a feature asking for a service or a loader the wiring root does
 * not provide fails to compile here.
 */
type Provides<Context extends Needed, Needed> = Context;
export type FeatureContextsProvided = [
  Provides<AppContext, AssessmentsContext>,
  Provides<AppContext, AuditContext>,
  Provides<AppContext, EvidenceContext>,
  Provides<AppContext, ExportsContext>,
  Provides<AppContext, FindingsContext>,
  Provides<AppContext, HomeRegionContext>,
  Provides<AppContext, IdentityContext>,
  Provides<AppContext, ImpactContext>,
  Provides<AppContext, InventoryContext>,
  Provides<AppContext, ManifestCheckContext>,
  Provides<AppContext, NoticesContext>,
  Provides<AppContext, OrganisationContext>,
  Provides<AppContext, OutboxContext>,
  Provides<AppContext, PoliciesContext>,
  Provides<AppContext, ProcessorsContext>,
  Provides<AppContext, SecurityMeasuresContext>,
  Provides<AppContext, ServicesContext>,
  Provides<AppContext, SharingContext>,
  Provides<AppContext, TaxonomyContext>,
  Provides<AppContext, TransfersContext>,
  Provides<AppContext, WebhooksContext>,
];
