import type { Application } from './application';
import { createIdentityLoaders } from './modules/identity/identity.loaders';
import { createServiceLoaders } from './modules/services/service.loaders';
import { createPolicyLoaders } from './modules/policies/policy.loaders';
import { createSecurityMeasureLoaders } from './modules/security-measures/security-measures.loaders';
import { createComplianceLoaders } from './modules/findings/compliance.composition';

/** One DataLoader per relation, made fresh for each request so nothing outlives it. */
export function createLoaders(app: Application) {
  const { db } = app;
  return {
    ...createIdentityLoaders(db),
    ...createServiceLoaders(db),
    ...createPolicyLoaders(db, app.policies, app.conflicts),
    ...createSecurityMeasureLoaders(db),
    ...createComplianceLoaders(app),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
