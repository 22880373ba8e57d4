import { compareTopicSubject } from '../clauses/topics';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { ConflictLookup } from './conflict-lookup';
import { policyRef } from './explain';
import { type FoldStepResult, foldStep } from './fold-step';
import type { ConflictState, EffectiveClause, PolicyLayer } from './types';

export interface EffectivePolicyInput {
  /** Versions in force, general to specific (today GLOBAL then SERVICE); absent layers left out. */
  layers: readonly PolicyLayer[];
  /** Conflicts of the pairs in force, with their state as of the instant (see `conflictAsOf`). */
  conflicts?: readonly ConflictState[];
  taxonomy: Taxonomy;
}

/**
 * The effective policy (DESIGN.md section 2): a left fold of {@link foldStep}
 * over the layers, starting from nothing, so each layer is compared with the
 * effective clauses of all layers above it. Sorted by topic, then subject.
 * No layers: an empty policy. A conflict is matched by (topic, subject,
 * general value, specific value), so one list serves every step. Values must
 * be on their scales (validate first); otherwise `ValueOffScaleError`.
 */
export function resolveEffectivePolicy(input: EffectivePolicyInput): EffectiveClause[] {
  return foldLayers(input).clauses;
}

/**
 * The first step of a fold depends only on its layer and the taxonomy (with
 * nothing above it, no conflict can apply), and a request folds the same
 * global layer object for every service: computed once per (layer object,
 * taxonomy object). Weak keys, so an entry lives exactly as long as the
 * caller's layer; layers and taxonomies are never mutated once built.
 */
const firstSteps = new WeakMap<PolicyLayer, WeakMap<Taxonomy, FoldStepResult>>();

function firstStep(layer: PolicyLayer, taxonomy: Taxonomy, conflicts: ConflictLookup): FoldStepResult {
  let byTaxonomy = firstSteps.get(layer);
  if (!byTaxonomy) firstSteps.set(layer, (byTaxonomy = new WeakMap()));
  let step = byTaxonomy.get(taxonomy);
  if (!step) byTaxonomy.set(taxonomy, (step = foldStep([], layer, { taxonomy, conflicts, generalLabel: '' })));
  return step;
}

/** The fold, also returning the last step's outcomes (for conflict detection). */
export function foldLayers(input: EffectivePolicyInput): FoldStepResult {
  const conflicts = new ConflictLookup(input.conflicts ?? []);
  let step: FoldStepResult = { clauses: [], outcomes: [] };
  const names: string[] = [];
  for (const [index, layer] of input.layers.entries()) {
    step =
      index === 0
        ? firstStep(layer, input.taxonomy, conflicts)
        : foldStep(step.clauses, layer, { taxonomy: input.taxonomy, conflicts, generalLabel: names.join(' and ') });
    names.push(policyRef({ source: layer.source, policyKey: layer.policyKey, version: layer.version }));
  }
  return { clauses: [...step.clauses].sort(compareTopicSubject), outcomes: [...step.outcomes] };
}
