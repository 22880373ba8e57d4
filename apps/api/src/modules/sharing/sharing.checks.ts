import type { EntityManager } from 'typeorm';
import { type AssessmentChecksFacts, evaluateSharingChecks, type LegalBasis, type SharingCheck } from '@canopy/domain';
import { createInventoryLoaders, type InventoryLoaders } from '../inventory';
import { createEffectivePolicyLoaders, type EffectivePolicyLoaders, type EffectivePolicyReader } from '../policies';
import { createProcessorLoaders, type ProcessorLoaders } from '../processors';
import { createTaxonomyLoaders, type TaxonomyLoaders } from '../taxonomy';
import { createSharingLoaders, type SharingLoaders } from './sharing.loaders';

/**
 * The facts of TRANSFER_LAWFUL and DPIA_APPROVED (DESIGN.md section 9) of an
 * arrangement, now. The transfers feature serves them (the register, the
 * assessments, enforcement): sharing imports neither it nor assessments.
 */
export interface AssessmentCheckFactLoaders {
  assessmentCheckFacts(arrangement: { id: string; serviceId: string; processorId: string; purposes: readonly string[] }): Promise<AssessmentChecksFacts>;
}

/** Builds those loaders over an approval's transaction, at its instant (wired in application.ts). */
export type AssessmentCheckFactsIn = (m: EntityManager, now: Date) => AssessmentCheckFactLoaders;

/** Where the live checks read their facts: the request's loaders, or loaders over an approval's transaction. */
export type CheckFactLoaders = Pick<ProcessorLoaders, 'processorById'> &
  Pick<InventoryLoaders, 'inventoryByServiceId'> &
  Pick<SharingLoaders, 'approvalsByArrangementId'> &
  EffectivePolicyLoaders &
  TaxonomyLoaders &
  AssessmentCheckFactLoaders;

/** The arrangement as the checks judge it (now, or as it stood at `asOf`). */
export interface CheckedArrangement {
  id: string;
  serviceId: string;
  processorId: string;
  dataCategories: readonly string[];
  purposes: readonly string[];
  legalBasis: string;
  requestedById: string;
  requiredApprovals: number;
  asOf: Date | null;
  status: string;
}

/** Statuses after the decision: nobody approves the arrangement any more. */
const DECIDED = ['APPROVED', 'REJECTED', 'REVOKED', 'WITHDRAWN'];

/** The check facts read inside a write transaction at its instant, so an approval is judged on what it commits against. */
export function checkFactLoadersIn(tx: EntityManager, now: Date, policies: EffectivePolicyReader, assessmentFactsIn: AssessmentCheckFactsIn): CheckFactLoaders {
  const { taxonomy } = createTaxonomyLoaders(tx);
  return {
    ...assessmentFactsIn(tx, now),
    processorById: createProcessorLoaders(tx).processorById,
    inventoryByServiceId: createInventoryLoaders(tx).inventoryByServiceId,
    approvalsByArrangementId: createSharingLoaders(tx).approvalsByArrangementId,
    ...createEffectivePolicyLoaders(policies, tx, taxonomy),
    taxonomy,
  };
}

/**
 * The five checks of DESIGN.md section 5 at `now`, then TRANSFER_LAWFUL and
 * DPIA_APPROVED (section 9), evaluated by the domain on facts gathered here
 * and only here, for the `checks` field and for approveSharing alike.
 * `approverId` is the officer approving (or looking); null when nobody
 * approves.
 */
export async function sharingChecks(loaders: CheckFactLoaders, arrangement: CheckedArrangement, approverId: string | null, now: Date): Promise<SharingCheck[]> {
  const [processor, inventory, approvals, effective, taxonomy, assessments] = await Promise.all([
    loaders.processorById.load(arrangement.processorId),
    loaders.inventoryByServiceId.load(arrangement.serviceId),
    loaders.approvalsByArrangementId.load(arrangement.id),
    loaders.effectivePolicy.load({ serviceId: arrangement.serviceId, at: now }),
    loaders.taxonomy(),
    loaders.assessmentCheckFacts(arrangement),
  ]);
  if (!processor) throw new Error(`arrangement ${arrangement.id} has no processor ${arrangement.processorId}`);
  const asOf = arrangement.asOf;
  return evaluateSharingChecks({
    arrangement: {
      dataCategories: arrangement.dataCategories,
      legalBasis: arrangement.legalBasis as LegalBasis,
      requestedById: arrangement.requestedById,
      approverIds: approvals.filter((a) => !asOf || a.at.getTime() <= asOf.getTime()).map((a) => a.approverId),
      requiredApprovals: arrangement.requiredApprovals,
      decided: DECIDED.includes(arrangement.status),
    },
    processor: { key: processor.key, dpaSignedAt: processor.dpaSignedAt, dpaExpiresAt: processor.dpaExpiresAt },
    inventoryCategories: inventory.map((i) => i.dataCategory),
    effectiveClauses: effective.clauses,
    approverId,
    taxonomy,
    now,
    assessments,
  });
}
