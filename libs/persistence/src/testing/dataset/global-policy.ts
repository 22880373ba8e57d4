import { PolicyEntity, UserEntity } from '../../entities';
import { actor, DatasetContext } from './dataset-context';
import type { PolicyRows } from './dataset-types';
import { globalClauses } from './policy-clauses';
import { PublishedVersion, publishVersion, recordPublished } from './policy-publication';

const NOTHING_OPENED = { conflictsOpened: 0, conflictsCarriedForward: 0, servicesWithConflicts: [] };

/** The global policy 'general' in two versions of 81 clauses; the second is in force for every service policy. */
export function buildGlobalPolicy(ctx: DatasetContext, publisher: UserEntity, out: PolicyRows): { policy: PolicyEntity; current: PublishedVersion } {
  const policy = Object.assign(new PolicyEntity(), { id: ctx.random.uuid(), key: 'general', title: 'General Privacy Policy', scope: 'GLOBAL', serviceId: null, globalMarker: 'GLOBAL', createdAt: ctx.at(420) });
  out.policies.push(policy);
  out.audit.push({ at: policy.createdAt, ...actor(publisher), action: 'policy.created', entityType: 'policy', entityId: 'general', after: { key: 'general', title: policy.title, scope: 'GLOBAL', service: null } });
  const g1 = publishVersion(ctx, out, policy, 1, globalClauses(1), null, ctx.at(400), publisher, 'GLOBAL');
  recordPublished(out, policy, g1.version, publisher, NOTHING_OPENED);
  const g2 = publishVersion(ctx, out, policy, 2, globalClauses(2), globalClauses(1), ctx.at(180), publisher, 'GLOBAL');
  recordPublished(out, policy, g2.version, publisher, NOTHING_OPENED);
  return { policy, current: g2 };
}
