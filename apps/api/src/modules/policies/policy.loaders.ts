import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Taxonomy } from '@canopy/domain';
import { PolicyClauseEntity, PolicyEntity, PolicyVersionEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { groupLoader, rowLoader } from '../../common/loader-helpers';
import { loadTaxonomy } from '../taxonomy/taxonomy.app-service';
import type { ConflictService } from './conflict.app-service';
import type { ServiceEffectivePolicy } from './effective-policy.port';
import type { EffectivePolicyService } from './effective-policy.app-service';

/** Per-request loaders of the policies feature; the taxonomy is read once per request at most. */
export function createPolicyLoaders(db: Database, effective: EffectivePolicyService, conflicts: ConflictService) {
  const m = db.manager;
  let taxonomy: Promise<Taxonomy> | null = null;
  const taxonomyOnce = () => (taxonomy ??= loadTaxonomy(m));
  return {
    taxonomy: taxonomyOnce,
    /** "Now" for effective policies asked without `at`: one instant per request, so a list of services is one batch. */
    effectiveNow: new Date(),
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
      const views = await conflicts.byIds(ids);
      return ids.map((id) => views.find((v) => v.row.id === id) ?? null);
    }),
    conflictsByServiceId: new DataLoader(async (serviceIds: readonly string[]) => {
      const views = await conflicts.list(null, serviceIds);
      return serviceIds.map((id) => views.filter((v) => v.row.serviceId === id));
    }),
    /** Keyed by `${at ISO}|${serviceId}`: one batch per instant asked about. */
    effectivePolicy: new DataLoader<string, ServiceEffectivePolicy>(async (keys) => {
      const byInstant = new Map<string, string[]>();
      for (const key of keys) {
        const [at, serviceId] = key.split('|');
        byInstant.set(at, [...(byInstant.get(at) ?? []), serviceId]);
      }
      const results = new Map<string, ServiceEffectivePolicy>();
      const tax = await taxonomyOnce();
      for (const [at, serviceIds] of byInstant) {
        const map = await effective.effectiveFor(serviceIds, new Date(at), tax);
        for (const [serviceId, value] of map) results.set(`${at}|${serviceId}`, value);
      }
      return keys.map((key) => results.get(key) ?? { clauses: [], openConflictsInForce: [] });
    }),
  };
}
