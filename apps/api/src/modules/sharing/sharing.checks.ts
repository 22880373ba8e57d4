import { EffectiveClause, LegalBasis, Taxonomy, evaluateSharingChecks, isInformativeCheck } from '@canopy/domain';
import type { ProcessorEntity } from '@canopy/persistence';
import { SharingCheck } from './sharing.types';

export interface CheckFacts {
  arrangement: { dataCategories: readonly string[]; legalBasis: string; requestedById: string; requiredApprovals: number };
  approverIds: readonly string[];
  processor: Pick<ProcessorEntity, 'key' | 'dpaSignedAt' | 'dpaExpiresAt'>;
  inventoryCategories: readonly string[];
  effectiveClauses: readonly EffectiveClause[];
  /** The officer approving, or the officer looking; null when nobody approves. */
  approverId: string | null;
  taxonomy: Taxonomy;
  now: Date;
}

/** The five checks of DESIGN.md section 5, evaluated live by the domain, as GraphQL objects. */
export function evaluateChecks(facts: CheckFacts): SharingCheck[] {
  return evaluateSharingChecks({
    arrangement: {
      dataCategories: facts.arrangement.dataCategories,
      legalBasis: facts.arrangement.legalBasis as LegalBasis,
      requestedById: facts.arrangement.requestedById,
      approverIds: facts.approverIds,
      requiredApprovals: facts.arrangement.requiredApprovals,
    },
    processor: { key: facts.processor.key, dpaSignedAt: facts.processor.dpaSignedAt, dpaExpiresAt: facts.processor.dpaExpiresAt },
    inventoryCategories: facts.inventoryCategories,
    effectiveClauses: facts.effectiveClauses,
    approverId: facts.approverId,
    taxonomy: facts.taxonomy,
    now: facts.now,
  }).map((c) => Object.assign(new SharingCheck(), { ...c, blocking: !isInformativeCheck(c) }));
}

export const blockingFailuresOf = (checks: readonly SharingCheck[]): SharingCheck[] => checks.filter((c) => c.blocking && !c.passed);
