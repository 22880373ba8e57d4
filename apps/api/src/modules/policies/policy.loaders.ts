import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import type { Taxonomy } from '@canopy/domain';
import { PolicyClauseEntity, PolicyEntity, PolicyVersionEntity } from '@canopy/persistence';
import { asOfLoader, groupLoader, rowLoader } from '../../common/loader-helpers';
import type { ConflictService } from './conflict.app-service';
import { type EffectivePolicyReader, NO_EFFECTIVE_POLICY, type ServiceEffectivePolicy } from './effective-policy.port';

/** Per-request loaders of policies, their versions, clauses and conflicts (conflict status as of the request's `now`). */
export function createPolicyLoaders(m: EntityManager, conflicts: ConflictService, now: Date) {
  return {
    policyById: rowLoader<string, PolicyEntity>((ids) => m.findBy(PolicyEntity, { id: In([...ids]) }), (p) => p.id),
    policyByServiceId: rowLoader<string, PolicyEntity>((ids) => m.findBy(PolicyEntity, { serviceId: In([...ids]) }), (p) => p.serviceId as string),
    versionsByPolicyId: groupLoader<string, PolicyVersionEntity>(
      (ids) => m.find(PolicyVersionEntity, { where: { policyId: In([...ids]) }, order: { number: 'ASC' } }),
      (v) => v.policyId,
    ),
    clausesByVersionId: groupLoader<string, PolicyClauseEntity>(
      (ids) => m.find(PolicyClauseEntity, { where: { versionId: In([...ids]) }, order: { position: 'ASC' } }),
      (c) => c.versionId,
    ),
    conflictById: new DataLoader(async (ids: readonly string[]) => {
      const views = await conflicts.byIds(ids, now);
      return ids.map((id) => views.find((v) => v.row.id === id) ?? null);
    }),
    conflictsByServiceId: new DataLoader(async (serviceIds: readonly string[]) => {
      const views = await conflicts.list(null, serviceIds, now);
      return serviceIds.map((id) => views.filter((v) => v.row.serviceId === id));
    }),
  };
}

export type PolicyLoaders = ReturnType<typeof createPolicyLoaders>;

/**
 * The one effective-policy loader of a request, keyed by service and instant:
 * the effective-policy field, the live sharing checks and the findings all
 * read through it, so a service's policy at the request's `now` is folded
 * once. Built over a write transaction's manager, it serves checks made
 * inside that transaction.
 */
export function createEffectivePolicyLoaders(reader: EffectivePolicyReader, m: EntityManager, taxonomy: () => Promise<Taxonomy>) {
  return {
    effectivePolicy: asOfLoader<ServiceEffectivePolicy>(
      async (serviceIds, at) => reader.effectiveFor(serviceIds, at, { taxonomy: await taxonomy(), manager: m }),
      NO_EFFECTIVE_POLICY,
    ),
  };
}

export type EffectivePolicyLoaders = ReturnType<typeof createEffectivePolicyLoaders>;
