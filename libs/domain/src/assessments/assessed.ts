import { byCodeUnit } from '../shared/order';
import { tiaContentFingerprint } from '../transfers/tia-fingerprint';
import type { ArrangementContent, ProcessorTransferFacts } from '../transfers/transfer-facts';

/** The subject of an assessment as it stands when it is submitted or approved. */
export type AssessedFacts =
  | { kind: 'DPIA'; inventoryCategories: readonly string[] }
  | { kind: 'TIA'; arrangement: ArrangementContent; processor: ProcessorTransferFacts };

/** What an assessment records of its subject, so staleness can be judged later (`assessmentStandingAt`). */
export interface AssessedSnapshot {
  /** DPIA: the categories the inventory holds; TIA: those the arrangement shares. Sorted, without repeats. */
  assessedCategories: string[];
  /** TIA: `tiaContentFingerprint` of the arrangement; null for a DPIA. */
  assessedContent: string | null;
}

/**
 * What was assessed (DESIGN.md section 9): a DPIA the service's inventory
 * categories, a TIA the arrangement's content (processor, categories,
 * purposes, legal basis, the processor's and sub-processors' countries and
 * mechanisms), never its version or status.
 */
export function assessedSnapshot(facts: AssessedFacts): AssessedSnapshot {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort(byCodeUnit);
  if (facts.kind === 'DPIA') return { assessedCategories: sorted(facts.inventoryCategories), assessedContent: null };
  return { assessedCategories: sorted(facts.arrangement.dataCategories), assessedContent: tiaContentFingerprint(facts.arrangement, facts.processor) };
}
