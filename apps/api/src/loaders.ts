import type { Application } from './application';
import { createDpiaLoaders } from './modules/assessments/dpia.loaders';
import { createAssessmentLoaders } from './modules/assessments/assessment.loaders';
import { createFindingsLoaders } from './modules/findings/findings.loaders';
import { createHomeRegionLoaders } from './modules/home-region/home-region.loaders';
import { createIdentityLoaders } from './modules/identity/identity.loaders';
import { createInventoryLoaders } from './modules/inventory/inventory.loaders';
import { createNoticeLoaders } from './modules/notices/notice.loaders';
import { createEffectivePolicyLoaders, createPolicyLoaders } from './modules/policies/policy.loaders';
import { createProcessorLoaders } from './modules/processors/processor.loaders';
import { createSecurityMeasureLoaders } from './modules/security-measures/security-measures.loaders';
import { createServiceLoaders } from './modules/services/service.loaders';
import { createSharingLoaders } from './modules/sharing/sharing.loaders';
import { createTransferLoaders } from './modules/transfers/transfers.loaders';
import { createAssessmentCheckLoaders } from './modules/transfers/arrangement-assessments';
import { createOrganisationLoaders } from './common/organisation-facts';

/**
 * One DataLoader per relation, made fresh for each request so nothing
 * outlives it, and the request's one `now`: every read that means "now"
 * (effective policies, findings, live checks, conflict status) uses it. The
 * organisation's shared facts (taxonomy, settings, adequacy register) are
 * read once and the effective policies through one loader.
 */
export function createLoaders(app: Application) {
  const m = app.db.manager;
  const now = app.clock.now();
  // The taxonomy, the settings the findings read and the adequacy register: one statement for all three.
  const taxonomy = createOrganisationLoaders(m, app.findings.settingKeys, app.knownTaxonomy);
  const effective = createEffectivePolicyLoaders(app.effectivePolicies, m, taxonomy.taxonomy);
  const services = createServiceLoaders(m);
  const assessments = createAssessmentLoaders(m, app.assessmentEnforcement);
  const transfers = createTransferLoaders(m, app.homeRegion, async () => (await taxonomy.organisationFacts()).adequacy);
  const relations = {
    ...createInventoryLoaders(m),
    ...createProcessorLoaders(m),
    ...createSharingLoaders(m),
    ...createHomeRegionLoaders(app.homeRegion, m, now),
  };
  return {
    now,
    ...taxonomy,
    ...effective,
    ...services,
    ...createIdentityLoaders(m),
    ...createPolicyLoaders(m, app.conflicts, now),
    ...relations,
    ...createSecurityMeasureLoaders(m),
    ...createNoticeLoaders(m),
    ...createFindingsLoaders(app.findings, { ...services, ...effective, ...taxonomy }, now),
    ...createDpiaLoaders({ ...relations, ...taxonomy }),
    ...assessments,
    ...transfers,
    ...createAssessmentCheckLoaders({ ...relations, ...assessments, ...transfers }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
