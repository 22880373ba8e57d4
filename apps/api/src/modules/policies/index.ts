/**
 * The policies feature's face to the other features: effective policies
 * (the port findings, sharing, the manifest check and the record of
 * processing measure against, and its per-request loader), the GraphQL
 * types others embed, and what the impact preview reads to fold a draft.
 */
export { EffectiveClause, PolicyConflict, PolicyVersion } from './policy.types';
export { ClauseSource, ClauseTopic, NoticeChannel } from './policy.enums';
export { toConflictState, toDomainClause, toEffectiveClause, toPolicyConflict, toPolicyVersion } from './policy.mappers';
export {
  type EffectivePolicyReader,
  type EffectivePolicyReadOptions,
  NO_EFFECTIVE_POLICY,
  type ServiceEffectivePolicy,
} from './effective-policy.port';
export type { PolicySnapshot, PolicySnapshots } from './effective-policy.app-service';
export type { ConflictReader, ConflictView } from './conflict.app-service';
export { PolicyQueries } from './policy.queries';
export { createEffectivePolicyLoaders, createPolicyLoaders, type EffectivePolicyLoaders, type PolicyLoaders } from './policy.loaders';
export type { PoliciesContext } from './policies.context';
