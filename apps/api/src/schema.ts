import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { DateTimeScalar } from './common/scalars';
import { AuditResolver } from './modules/audit/audit.resolver';
import { TeamResolver, UserResolver } from './modules/identity/identity.resolver';
import { TokenResolver } from './modules/identity/token.resolver';
import { ServiceResolver, TeamServicesResolver } from './modules/services/service.resolver';
import { ConflictResolver } from './modules/policies/conflict.resolver';
import { EffectiveClauseResolver, EffectivePolicyResolver, ServicePolicyResolver } from './modules/policies/effective-policy.resolver';
import { PolicyVersionResolver } from './modules/policies/policy-version.resolver';
import { PolicyResolver } from './modules/policies/policy.resolver';
import { ConflictPreviewResolver, LockedOverrideResolver, PolicyVersionImpactResolver, ServiceImpactResolver } from './modules/policies/impact.resolver';
import { TaxonomyResolver } from './modules/taxonomy/taxonomy.resolver';
import { HomeRegionResolver } from './modules/home-region/home-region.resolver';
import { ServiceSecurityMeasuresResolver } from './modules/security-measures/security-measures.resolver';
import { RecordOfProcessingResolver } from './modules/exports/ropa.resolver';
import { ManifestCheckResolver } from './modules/manifest-check/manifest-check.resolver';
import { COMPLIANCE_RESOLVERS } from './modules/findings/compliance.composition';
import { SharingViewerResolver } from './modules/sharing/sharing-viewer.resolver';
import { ConflictViewerResolver } from './modules/policies/conflict-viewer.resolver';
import { PolicyViewerResolver } from './modules/policies/policy-viewer.resolver';
import { FindingViewerResolver } from './modules/findings/finding-viewer.resolver';
import { ServiceViewerResolver, TeamViewerResolver } from './modules/services/service-viewer.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  UserResolver,
  TeamResolver,
  TokenResolver,
  ServiceResolver,
  TeamServicesResolver,
  AuditResolver,
  TaxonomyResolver,
  PolicyResolver,
  PolicyVersionResolver,
  ConflictResolver,
  EffectivePolicyResolver,
  EffectiveClauseResolver,
  ServicePolicyResolver,
  PolicyVersionImpactResolver,
  ServiceImpactResolver,
  ConflictPreviewResolver,
  LockedOverrideResolver,
  HomeRegionResolver,
  ServiceSecurityMeasuresResolver,
  RecordOfProcessingResolver,
  ManifestCheckResolver,
  ...COMPLIANCE_RESOLVERS,
  // What the viewer may do, computed with the domain's rules, so the console offers only what the API accepts.
  SharingViewerResolver,
  ConflictViewerResolver,
  PolicyViewerResolver,
  FindingViewerResolver,
  ServiceViewerResolver,
  TeamViewerResolver,
];

export function buildCanopySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}
