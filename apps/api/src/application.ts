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
import { HomeRegionService } from './modules/home-region/home-region.app-service';
import { SecurityMeasuresService } from './modules/security-measures/security-measures.app-service';
import { RecordOfProcessingService } from './modules/exports/ropa.app-service';
import { ManifestCheckService } from './modules/manifest-check/manifest-check.app-service';
import { createComplianceServices } from './modules/findings/compliance.composition';
import { loadConfig, NotificationsConfig } from './config';
import { Outbox } from './modules/outbox/outbox';
import { OutboxQueries } from './modules/outbox/outbox-queries.app-service';
import { WebhookService } from './modules/webhooks/webhook.app-service';

/** The application services of one process: stateless, shared by every request. */
export function createApplication(db: Database, notifications: NotificationsConfig = loadConfig({}).notifications) {
  const authenticator = new Authenticator(db);
  const conflicts = new ConflictService(db);
  const policies = new EffectivePolicyService(db);
  const compliance = createComplianceServices(db, policies);
  // Phase B's mutations write their messages with outbox.enqueue(tx, message) inside their transaction.
  const outbox = new Outbox({ publicUrl: notifications.publicUrl });
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
    impactPreview: new ImpactPreview(db, policies, conflicts, compliance.findings),
    conflicts,
    homeRegion: new HomeRegionService(db),
    securityMeasures: new SecurityMeasuresService(db),
    recordOfProcessing: new RecordOfProcessingService(db, policies, new HomeRegionService(db), new SecurityMeasuresService(db)),
    manifestCheck: new ManifestCheckService(db, policies),
    ...compliance,
    outbox,
    outboxQueries: new OutboxQueries(db, { smtpConfigured: Boolean(notifications.smtpUrl) }),
    webhooks: new WebhookService(db, outbox, { allowPrivate: notifications.webhookAllowPrivate, secretsKey: notifications.secretsKey }),
  };
}

export type Application = ReturnType<typeof createApplication>;
