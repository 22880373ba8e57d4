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

/** The fold, also returning the last step's outcomes (for conflict detection). */
export function foldLayers(input: EffectivePolicyInput): FoldStepResult {
  const conflicts = new ConflictLookup(input.conflicts ?? []);
  let step: FoldStepResult = { clauses: [], outcomes: [] };
  const names: string[] = [];
  for (const layer of input.layers) {
    step = foldStep(step.clauses, layer, { taxonomy: input.taxonomy, conflicts, generalLabel: names.join(' and ') });
    names.push(policyRef({ source: layer.source, policyKey: layer.policyKey, version: layer.version }));
  }
  return { clauses: [...step.clauses].sort(compareTopicSubject), outcomes: step.outcomes };
}
