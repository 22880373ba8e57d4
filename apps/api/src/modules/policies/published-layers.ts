import type { PolicyLayer } from '@canopy/domain';
import type { PolicyClauseEntity } from '@canopy/persistence';
import { layerOf } from './policy.mappers';
import type { VersionWithPolicy } from './policy.queries';

/** How many published versions' layers a process keeps (a few kilobytes each). */
export const KEPT_LAYERS = 2_000;

/**
 * The layers of published policy versions, kept across requests by version
 * id: a published version never changes (its number, its policy and its
 * clauses are fixed once published; only drafts are edited), so its clauses
 * are read once per process rather than once per request, and every request
 * folds the same layer object, which lets the domain keep a layer's first
 * fold step (precedence/fold.ts) for as long as the taxonomy is the same
 * object (KnownTaxonomy). The least recently used go first. Only versions
 * in force are asked for (PUBLISHED), never drafts.
 */
export class PublishedLayers {
  private readonly kept = new Map<string, PolicyLayer>();

  constructor(private readonly capacity = KEPT_LAYERS) {}

  /** The layer of each version, reading the clauses of those not kept in one call of `readClauses`. */
  async of(versions: readonly VersionWithPolicy[], readClauses: (versionIds: string[]) => Promise<Map<string, PolicyClauseEntity[]>>): Promise<Map<string, PolicyLayer>> {
    const layers = new Map<string, PolicyLayer>();
    const missing: VersionWithPolicy[] = [];
    for (const version of versions) {
      const layer = this.kept.get(version.id);
      if (!layer) {
        missing.push(version);
        continue;
      }
      // Most recently used last.
      this.kept.delete(version.id);
      this.kept.set(version.id, layer);
      layers.set(version.id, layer);
    }
    if (missing.length) {
      const clauses = await readClauses(missing.map((v) => v.id));
      for (const version of missing) {
        const layer = layerOf(version, clauses.get(version.id) ?? []);
        layers.set(version.id, layer);
        this.keep(version.id, layer);
      }
    }
    return layers;
  }

  private keep(id: string, layer: PolicyLayer): void {
    this.kept.set(id, layer);
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value as string);
  }
}
