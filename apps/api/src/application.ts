import { Authenticator } from './auth/authenticator';
import { SessionService } from './auth/session.app-service';
import type { Database } from './common/database';
import { AuditQueries } from './modules/audit/audit-query.app-service';
import { IdentityService } from './modules/identity/identity.app-service';
import { TokenService } from './modules/identity/token.app-service';
import { ServiceRegistry } from './modules/services/service-registry.app-service';
import { ConflictService } from './modules/policies/conflict.app-service';
import { EffectivePolicyService } from './modules/policies/effective-policy.app-service';
import { PolicyAuthoring } from './modules/policies/policy-authoring.app-service';
import { ImpactPreview } from './modules/policies/impact-preview.app-service';
import { TaxonomyService } from './modules/taxonomy/taxonomy.app-service';

/** The application services of one process: stateless, shared by every request. */
export function createApplication(db: Database) {
  const authenticator = new Authenticator(db);
  const conflicts = new ConflictService(db);
  const policies = new EffectivePolicyService(db);
  return {
    db,
    authenticator,
    sessions: new SessionService(db, authenticator),
    identity: new IdentityService(db),
    tokens: new TokenService(db),
    services: new ServiceRegistry(db, conflicts),
    audit: new AuditQueries(db),
    taxonomy: new TaxonomyService(db),
    policyAuthoring: new PolicyAuthoring(db),
    policies,
    impactPreview: new ImpactPreview(db, policies, conflicts),
    conflicts,
  };
}

export type Application = ReturnType<typeof createApplication>;
