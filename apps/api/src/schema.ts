import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { DateTimeScalar } from './common/scalars';
import { AuditResolver } from './modules/audit/audit.resolver';
import { EvidenceResolver } from './modules/evidence/evidence.resolver';
import { RecordOfProcessingResolver } from './modules/exports/ropa.resolver';
import { FindingAcceptanceResolver, FindingAcceptanceServiceResolver, FindingAcceptedByResolver, ServiceFindingsResolver } from './modules/findings/finding-fields.resolver';
import { FindingViewerResolver } from './modules/findings/finding-viewer.resolver';
import { FindingConnectionResolver } from './modules/findings/findings-connection.resolver';
import { FindingsResolver } from './modules/findings/findings.resolver';
import { AssessmentSettingsResolver } from './modules/assessments/assessment-settings.resolver';
import { ServiceDpiaResolver } from './modules/assessments/dpia.resolver';
import { AssessmentResolver, AssessmentServiceResolver, ServiceAssessmentsResolver } from './modules/assessments/assessment.resolver';
import { AdequacyResolver } from './modules/transfers/adequacy.resolver';
import { ArrangementTransfersResolver } from './modules/transfers/arrangement-transfers.resolver';
import { TransferImpactResolver } from './modules/transfers/transfer-impact.resolver';
import { HomeRegionResolver } from './modules/home-region/home-region.resolver';
import { OrganisationProfileResolver } from './modules/organisation/organisation-profile.resolver';
import { AuditActorResolver } from './modules/identity/audit-actor.resolver';
import { TeamResolver, UserResolver } from './modules/identity/identity.resolver';
import { TokenResolver } from './modules/identity/token.resolver';
import { ConflictPreviewResolver, LockedOverrideResolver, PolicyVersionImpactResolver, ServiceImpactResolver } from './modules/impact/impact.resolver';
import { InventoryItemResolver, ServiceInventoryResolver } from './modules/inventory/inventory.resolver';
import { ManifestCheckResolver } from './modules/manifest-check/manifest-check.resolver';
import { ConflictViewerResolver } from './modules/policies/conflict-viewer.resolver';
import { ConflictResolver, PolicyConflictServiceResolver } from './modules/policies/conflict.resolver';
import { EffectiveClauseResolver, EffectivePolicyResolver, EffectivePolicyServiceResolver, ServicePolicyResolver } from './modules/policies/effective-policy.resolver';
import { PolicyViewerResolver } from './modules/policies/policy-viewer.resolver';
import { PolicyVersionResolver } from './modules/policies/policy-version.resolver';
import { PolicyResolver } from './modules/policies/policy.resolver';
import { ProcessorResolver } from './modules/processors/processor.resolver';
import { ServiceSecurityMeasuresResolver } from './modules/security-measures/security-measures.resolver';
import { ServiceResolver, TeamServicesResolver } from './modules/services/service.resolver';
import { ServiceNoticeSettingsResolver } from './modules/services/service-notice-settings.resolver';
import { SharingApprovalResolver, SharingArrangementFieldsResolver, SharingArrangementServiceResolver } from './modules/sharing/sharing-fields.resolver';
import { ProcessorSharingResolver, ServiceSharingResolver } from './modules/sharing/sharing-relations.resolver';
import { SharingViewerResolver } from './modules/sharing/sharing-viewer.resolver';
import { SharingResolver } from './modules/sharing/sharing.resolver';
import { TaxonomyResolver } from './modules/taxonomy/taxonomy.resolver';
import { OutboxResolver } from './modules/outbox/outbox.resolver';
import { WebhookResolver } from './modules/webhooks/webhook.resolver';
import { NoticeResolver, PolicyVersionNoticesResolver } from './modules/notices/notice.resolver';
import { ServiceViewerResolver, TeamViewerResolver } from './modules/services/service-viewer.resolver';

/** Every resolver of the API, by feature. */
export const RESOLVERS: NonEmptyArray<Function> = [
  AuditResolver,
  EvidenceResolver,
  UserResolver,
  TeamResolver,
  TokenResolver,
  AuditActorResolver,
  TaxonomyResolver,
  ServiceResolver,
  TeamServicesResolver,
  ServiceNoticeSettingsResolver,
  HomeRegionResolver,
  ServiceDpiaResolver,
  AssessmentSettingsResolver,
  AssessmentResolver,
  AssessmentServiceResolver,
  ServiceAssessmentsResolver,
  OrganisationProfileResolver,
  ProcessorResolver,
  ServiceInventoryResolver,
  InventoryItemResolver,
  ServiceSecurityMeasuresResolver,
  PolicyResolver,
  PolicyVersionResolver,
  ConflictResolver,
  PolicyConflictServiceResolver,
  EffectivePolicyResolver,
  EffectivePolicyServiceResolver,
  EffectiveClauseResolver,
  ServicePolicyResolver,
  FindingsResolver,
  FindingConnectionResolver,
  FindingAcceptedByResolver,
  FindingAcceptanceResolver,
  FindingAcceptanceServiceResolver,
  ServiceFindingsResolver,
  SharingResolver,
  SharingArrangementFieldsResolver,
  SharingArrangementServiceResolver,
  SharingApprovalResolver,
  ServiceSharingResolver,
  ProcessorSharingResolver,
  PolicyVersionImpactResolver,
  ServiceImpactResolver,
  ConflictPreviewResolver,
  LockedOverrideResolver,
  ManifestCheckResolver,
  RecordOfProcessingResolver,
  // What the viewer may do, computed with the domain's rules, so the console offers only what the API accepts.
  SharingViewerResolver,
  AdequacyResolver,
  ArrangementTransfersResolver,
  TransferImpactResolver,
  ConflictViewerResolver,
  PolicyViewerResolver,
  FindingViewerResolver,
  // Notifications (DESIGN.md section 8): webhooks and the outbox, ADMIN only.
  WebhookResolver,
  OutboxResolver,
  NoticeResolver,
  PolicyVersionNoticesResolver,
  ServiceViewerResolver,
  TeamViewerResolver,
];

export function buildCanopySchema(): Promise<GraphQLSchema> {
  // A field without a resolver of its own reads its property through graphql-js's default resolver.
  // type-graphql would otherwise wrap each one in a middleware runner (no object type here has field
  // middlewares or @Authorized fields: access is decided in the resolvers), a closure call and an
  // allocation for each of the ~6,000 values of a service list page.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}
