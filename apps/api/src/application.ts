import { Authenticator } from './auth/authenticator';
import { SessionService } from './auth/session.app-service';
import { KnownTaxonomy } from './common/organisation-facts';
import type { Database } from './common/database';
import { DEFAULT_MAX_LIST_RESULTS, ListLimit } from './common/list-limit';
import { HEAP_CEILING } from './common/memory-guard';
import { AssessmentEnforcementService } from './modules/assessments/enforcement.app-service';
import { AssessmentReader } from './modules/assessments/assessment-reader.app-service';
import { AssessmentRules } from './modules/assessments/assessment-rules.app-service';
import { AssessmentWorkflow } from './modules/assessments/assessment-workflow.app-service';
import { AssessmentQueries } from './modules/assessments/assessment.queries';
import { AuditQueries } from './modules/audit/audit-query.app-service';
import { RecordOfProcessingService } from './modules/exports/ropa.app-service';
import { FindingAcceptances } from './modules/findings/finding-acceptance.app-service';
import { FindingsEvaluator } from './modules/findings/findings-evaluator.app-service';
import { measuredAt } from './modules/findings';
import { servicesAt } from './modules/services';
import { FindingsPager } from './modules/findings/findings-pager.app-service';
import { HomeRegionService } from './modules/home-region/home-region.app-service';
import { IdentityService } from './modules/identity/identity.app-service';
import { TokenService } from './modules/identity/token.app-service';
import { ImpactPreview } from './modules/impact/impact-preview.app-service';
import { OrganisationProfileService } from './modules/organisation/organisation-profile.app-service';
import { InventoryService } from './modules/inventory/inventory.app-service';
import { ManifestCheckService } from './modules/manifest-check/manifest-check.app-service';
import { ConflictService } from './modules/policies/conflict.app-service';
import { EffectivePolicyService } from './modules/policies/effective-policy.app-service';
import { PolicyAuthoring } from './modules/policies/policy-authoring.app-service';
import { PolicyCatalog } from './modules/policies/policy-catalog.app-service';
import { ProcessorRegistry } from './modules/processors/processor-registry.app-service';
import { processorsAt, processorsAtInPages } from './modules/processors';
import { SecurityMeasuresService } from './modules/security-measures/security-measures.app-service';
import { ServiceRegistry } from './modules/services/service-registry.app-service';
import { ServiceNoticeSettings } from './modules/services/service-notice-settings.app-service';
import { SharingArrangements } from './modules/sharing/sharing-arrangements.app-service';
import { SharingRequests } from './modules/sharing/sharing-requests.app-service';
import { SharingReview } from './modules/sharing/sharing-review.app-service';
import { AdequacyRegisterService } from './modules/transfers/adequacy.app-service';
import { TransferImpactService } from './modules/transfers/transfer-impact.app-service';
import { assessmentCheckLoadersIn } from './modules/transfers/arrangement-assessments';
import { loadAdequacyEntries } from './modules/transfers';
import { TaxonomyService } from './modules/taxonomy/taxonomy.app-service';
import { loadConfig, NotificationsConfig } from './config';
import { Outbox } from './modules/outbox/outbox';
import { Notifier } from './modules/outbox/notifier';
import { OutboxQueries } from './modules/outbox/outbox-queries.app-service';
import { WebhookService } from './modules/webhooks/webhook.app-service';
import { NoticeService } from './modules/notices/notice.app-service';
import { PublicPages } from './modules/public-pages/public-pages.app-service';
import { AuditEvidence } from './modules/evidence/audit-evidence.app-service';
import { AuditSigningKey } from './modules/evidence/audit-signing-key';
import { EvidenceBundles, type EvidenceSources } from './modules/evidence/evidence-bundle.app-service';
import { loadTaxonomy } from './modules/taxonomy';
import type { SigningKey } from '@canopy/evidence';

/**
 * The wiring root: the application services of one process, stateless and
 * shared by every request. The only place that builds concrete services and
 * hands each the ports it needs from other features; the clock is the
 * database's (Database.clock).
 */
export function createApplication(
  db: Database,
  notifications: NotificationsConfig = loadConfig({}).notifications,
  limits: { maxListResults: number; heapCeiling: number } = { maxListResults: DEFAULT_MAX_LIST_RESULTS, heapCeiling: HEAP_CEILING },
  signingKey: SigningKey | null = null,
) {
  const authenticator = new Authenticator(db);
  const conflicts = new ConflictService(db);
  const effectivePolicies = new EffectivePolicyService(db);
  const homeRegion = new HomeRegionService(db);
  const securityMeasures = new SecurityMeasuresService(db);
  const organisationProfile = new OrganisationProfileService(db);
  const assessmentEnforcement = new AssessmentEnforcementService(db);
  const findings = new FindingsEvaluator(db, effectivePolicies, new AssessmentRules(assessmentEnforcement, homeRegion, loadAdequacyEntries));
  // Mutations write their messages with outbox.enqueue(tx, message) inside their transaction.
  const outbox = new Outbox({ publicUrl: notifications.publicUrl });
  const notifier = new Notifier(outbox);
  const recordOfProcessing = new RecordOfProcessingService(db, effectivePolicies, homeRegion, securityMeasures, organisationProfile);
  const processors = new ProcessorRegistry(db);
  const sharingArrangements = new SharingArrangements(db);
  const evidence = new AuditEvidence(db, new AuditSigningKey(db, signingKey));
  // What an evidence bundle reads of each feature, as of its instant (DESIGN.md section 10).
  const evidenceSources: EvidenceSources = {
    recordOfProcessing: (at) => recordOfProcessing.inBatches(at),
    taxonomy: () => loadTaxonomy(db.manager),
    effectivePolicies: (ids, at, taxonomy) => effectivePolicies.effectiveFor(ids, at, { taxonomy }),
    findings: async (services, at, now, taxonomy) => {
      const { instant, past } = measuredAt(at, now);
      const measured = await findings.measure(past ? await servicesAt(db.manager, services.map((s) => s.id), instant) : services, instant, taxonomy, past);
      return new Map(
        [...measured].map(([id, list]) => [id, list.map(({ rule, severity, dataCategory, message, clause, acceptance }) => ({ rule, severity, dataCategory, message, clause, accepted: acceptance !== null }))]),
      );
    },
    conflicts: (at) => conflicts.listInPages(at),
    arrangements: (at) => sharingArrangements.listInPages(at),
    processors: (at) => processorsAtInPages(db.manager, at),
    processorKeys: async (ids, at) => new Map((ids.length ? await processorsAt(db.manager, ids, at) : []).map((p) => [p.id, p.key])),
    assessments: (at) => new AssessmentQueries(db.manager).revisionsAtInPages(at),
  };
  return {
    db,
    clock: db.clock,
    authenticator,
    sessions: new SessionService(db, authenticator),
    identity: new IdentityService(db),
    tokens: new TokenService(db),
    audit: new AuditQueries(db),
    taxonomy: new TaxonomyService(db),
    services: new ServiceRegistry(db, conflicts),
    serviceNoticeSettings: new ServiceNoticeSettings(db),
    homeRegion,
    organisationProfile,
    securityMeasures,
    processors,
    inventory: new InventoryService(db),
    policyAuthoring: new PolicyAuthoring(db, notifier),
    policyCatalog: new PolicyCatalog(db),
    effectivePolicies,
    /** The taxonomy the requests share while its rows stay the same (organisation-facts.ts). */
    knownTaxonomy: new KnownTaxonomy(),
    conflicts,
    findings,
    findingsPager: new FindingsPager(db, findings, limits.heapCeiling),
    listLimit: new ListLimit(limits.maxListResults),
    findingAcceptances: new FindingAcceptances(db, findings),
    sharing: new SharingRequests(db, homeRegion, notifier),
    sharingReview: new SharingReview(db, effectivePolicies, notifier, assessmentCheckLoadersIn(homeRegion, assessmentEnforcement)),
    sharingArrangements,
    adequacy: new AdequacyRegisterService(db),
    assessmentEnforcement,
    assessments: new AssessmentReader(db),
    assessmentWorkflow: new AssessmentWorkflow(db),
    transferImpact: new TransferImpactService(db, homeRegion, assessmentEnforcement, limits.maxListResults),
    impactPreview: new ImpactPreview(db, effectivePolicies, conflicts, findings),
    recordOfProcessing,
    manifestCheck: new ManifestCheckService(db, effectivePolicies),
    outbox,
    notices: new NoticeService(db, outbox, notifier, { publicNotices: notifications.publicNotices }),
    publicPages: new PublicPages(db, effectivePolicies),
    outboxQueries: new OutboxQueries(db, { smtpConfigured: Boolean(notifications.smtpUrl) }),
    evidence,
    evidenceSources,
    evidenceBundles: new EvidenceBundles(db, evidence, evidenceSources),
    webhooks: new WebhookService(db, outbox, { allowPrivate: notifications.webhookAllowPrivate, secretsKey: notifications.secretsKey }),
  };
}

export type Application = ReturnType<typeof createApplication>;
