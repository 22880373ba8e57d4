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
