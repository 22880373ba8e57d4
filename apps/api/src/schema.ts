import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { DateTimeScalar } from './common/scalars';
import { AuditResolver } from './modules/audit/audit.resolver';
import { TeamResolver, UserResolver } from './modules/identity/identity.resolver';
import { TokenResolver } from './modules/identity/token.resolver';
import { ServiceResolver, TeamServicesResolver } from './modules/services/service.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  UserResolver,
  TeamResolver,
  TokenResolver,
  ServiceResolver,
  TeamServicesResolver,
  AuditResolver,
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
