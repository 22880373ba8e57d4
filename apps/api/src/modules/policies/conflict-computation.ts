import { EntityManager } from 'typeorm';
import { carryForwardResolutions, ConflictCandidate, ConflictState, detectConflicts, PolicyLayer, Taxonomy } from '@canopy/domain';
import { PolicyConflictEntity } from '@canopy/persistence';
import { newId } from '../../common/ids';
import { layerOf, toConflictState } from './policy.mappers';
import { PolicyQueries, VersionWithPolicy } from './policy.queries';
import { inBatches } from '../../common/batch';

/** 2,000 rows of 15 columns stay under SQLite's 32,766 bound variables: one INSERT per 2,000 conflicts. */
const INSERT_CHUNK = 2000;

export interface VersionPair {
  global: VersionWithPolicy;
  service: VersionWithPolicy;
}

export interface ComputedConflicts {
  rows: PolicyConflictEntity[];
  opened: number;
  carried: number;
  serviceIds: string[];
}

/** The conflict rows of the given pairs, resolutions carried forward from earlier pairs of the same service. */
export async function computeConflicts(manager: EntityManager, pairs: readonly VersionPair[], taxonomy: Taxonomy, now: Date): Promise<ComputedConflicts> {
  if (!pairs.length) return { rows: [], opened: 0, carried: 0, serviceIds: [] };
  const store = new PolicyQueries(manager);
  const clauses = await store.clausesOf(pairs.flatMap((p) => [p.global.id, p.service.id]));
  const serviceIds = [...new Set(pairs.map((p) => p.service.policy.serviceId as string))];
  const previous = await store.conflictsOfServices(serviceIds);
  const previousByService = new Map<string, ConflictState[]>();
  const resolverOf = new Map<string, string | null>();
  for (const row of previous) {
    if (!row.resolvedAt) continue;
    const state = toConflictState(row);
    resolverOf.set(row.id, row.resolvedBy);
    previousByService.set(row.serviceId, [...(previousByService.get(row.serviceId) ?? []), state]);
  }
  const layers = new Map<string, PolicyLayer>();
  const layerFor = (v: VersionWithPolicy) => {
    let layer = layers.get(v.id);
    if (!layer) layers.set(v.id, (layer = layerOf(v, clauses.get(v.id) ?? [])));
    return layer;
  };

  const rows: PolicyConflictEntity[] = [];
  let carried = 0;
  for (const pair of pairs) {
    const serviceId = pair.service.policy.serviceId as string;
    const candidates = detectConflicts(layerFor(pair.global), layerFor(pair.service), taxonomy);
    for (const { candidate, inherited } of carryForwardResolutions<ConflictCandidate>(previousByService.get(serviceId) ?? [], candidates)) {
      if (inherited) carried++;
      rows.push(
        manager.create(PolicyConflictEntity, {
          id: newId(),
          serviceId,
          globalVersionId: pair.global.id,
          serviceVersionId: pair.service.id,
          topic: candidate.topic,
          subject: candidate.subject,
          globalValue: candidate.globalValue,
          serviceValue: candidate.serviceValue,
          governedCategories: JSON.stringify(candidate.governedCategories),
          createdAt: now,
          carriedFromId: inherited?.carriedFromId ?? null,
          resolution: inherited?.resolution ?? null,
          rationale: inherited?.rationale ?? null,
          resolvedBy: inherited ? (resolverOf.get(inherited.carriedFromId) ?? null) : null,
          resolvedAt: inherited?.resolvedAt ?? null,
        }),
      );
    }
  }
  await inBatches(rows, INSERT_CHUNK, (batch) => manager.insert(PolicyConflictEntity, batch));
  return { rows, opened: rows.length - carried, carried, serviceIds: [...new Set(rows.map((r) => r.serviceId))] };
}
