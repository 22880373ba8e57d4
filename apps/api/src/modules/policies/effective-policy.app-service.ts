import { EntityManager } from 'typeorm';
import { conflictAsOf, PolicyLayer, resolveEffectivePolicy, Taxonomy } from '@canopy/domain';
import { PolicyConflictEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { loadTaxonomy } from '../taxonomy';
import type { EffectivePolicyReader, EffectivePolicyReadOptions, ServiceEffectivePolicy } from './effective-policy.port';
import { PublishedLayers } from './published-layers';
import { toConflictState } from './policy.mappers';
import { PolicyQueries, VersionWithPolicy } from './policy.queries';

/** What a service's effective policy is built from at an instant. */
export interface PolicySnapshot {
  global: PolicyLayer | null;
  globalVersionId: string | null;
  serviceLayers: Map<string, { layer: PolicyLayer; versionId: string }>;
  conflicts: PolicyConflictEntity[];
  emails: Map<string, string>;
}

/** The layers in force at an instant and the fold over them, for what-if computations (the impact preview). */
export interface PolicySnapshots {
  snapshot(serviceIds: readonly string[] | 'all', at: Date, manager?: EntityManager): Promise<PolicySnapshot>;
  fold(serviceIds: readonly string[], snapshot: PolicySnapshot, at: Date, taxonomy: Taxonomy): Map<string, ServiceEffectivePolicy>;
}

/**
 * Effective policies, set-based: for any number of services, one statement
 * for the versions in force, one for their clauses, one for the conflicts of
 * the pairs (plus one for resolvers' e-mails) and the taxonomy.
 */
export class EffectivePolicyService implements EffectivePolicyReader, PolicySnapshots {
  private readonly layers = new PublishedLayers();

  constructor(private readonly db: Database) {}

  async effectiveFor(serviceIds: readonly string[], at: Date, options: EffectivePolicyReadOptions = {}): Promise<Map<string, ServiceEffectivePolicy>> {
    const manager = options.manager ?? this.db.manager;
    const [snapshot, tax] = await Promise.all([this.snapshot(serviceIds, at, manager), options.taxonomy ?? loadTaxonomy(manager)]);
    return this.fold(serviceIds, snapshot, at, tax);
  }

  async snapshot(serviceIds: readonly string[] | 'all', at: Date, manager: EntityManager = this.db.manager): Promise<PolicySnapshot> {
    const store = new PolicyQueries(manager);
    // The conflicts of the service versions in force are read beside those versions, not after them.
    const [versions, { rows, emails }] = await Promise.all([store.inForceAt(at, serviceIds), store.conflictsInForceAt(at, serviceIds)]);
    const globalVersion = versions.find((v) => v.policy.scope === 'GLOBAL') ?? null;
    const serviceVersions = versions.filter((v) => v.policy.scope === 'SERVICE' && v.policy.serviceId);
    const layers = await this.layers.of(versions, (ids) => store.clausesOf(ids));
    return {
      global: globalVersion ? layers.get(globalVersion.id)! : null,
      globalVersionId: globalVersion?.id ?? null,
      serviceLayers: new Map(serviceVersions.map((v: VersionWithPolicy) => [v.policy.serviceId as string, { layer: layers.get(v.id)!, versionId: v.id }])),
      conflicts: rows.filter((c) => c.globalVersionId === globalVersion?.id),
      emails,
    };
  }

  fold(serviceIds: readonly string[], snapshot: PolicySnapshot, at: Date, taxonomy: Taxonomy): Map<string, ServiceEffectivePolicy> {
    const conflictsByServiceVersion = new Map<string, PolicyConflictEntity[]>();
    for (const c of snapshot.conflicts) {
      const list = conflictsByServiceVersion.get(c.serviceVersionId) ?? [];
      list.push(c);
      conflictsByServiceVersion.set(c.serviceVersionId, list);
    }
    // Every service without a policy of its own has the same effective policy: fold it once.
    let globalOnly: ServiceEffectivePolicy | null = null;
    const result = new Map<string, ServiceEffectivePolicy>();
    for (const serviceId of serviceIds) {
      const own = snapshot.serviceLayers.get(serviceId);
      if (!own) {
        globalOnly ??= { clauses: snapshot.global ? resolveEffectivePolicy({ layers: [snapshot.global], taxonomy }) : [], openConflictsInForce: [] };
        result.set(serviceId, globalOnly);
        continue;
      }
      const states = (conflictsByServiceVersion.get(own.versionId) ?? []).map((c) => conflictAsOf(toConflictState(c, snapshot.emails), at));
      const layers = snapshot.global ? [snapshot.global, own.layer] : [own.layer];
      result.set(serviceId, {
        clauses: resolveEffectivePolicy({ layers, conflicts: states, taxonomy }),
        openConflictsInForce: states.filter((s) => s.status === 'OPEN').map((s) => ({ id: s.id, topic: s.topic, subject: s.subject })),
      });
    }
    return result;
  }
}
