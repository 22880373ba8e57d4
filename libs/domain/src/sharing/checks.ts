import type { EffectiveClause } from '../precedence/types';
import type { LegalBasis } from '../shared/vocabulary';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { type AssessmentChecksFacts, assessmentSharingChecks } from './assessment-checks';
import { type ProcessorDpa, dpaProblem } from './dpa';
import { categoriesMissingFromInventory } from './inventory-coverage';
import { sharingPermissions } from './policy-permits';

export const SHARING_CHECK_NAMES = [
  'DPA_VALID',
  'CATEGORIES_IN_INVENTORY',
  'POLICY_PERMITS_SHARING',
  'SEPARATION_OF_DUTIES',
  'SECOND_APPROVAL',
  'TRANSFER_LAWFUL',
  'DPIA_APPROVED',
] as const;
export type SharingCheckName = (typeof SHARING_CHECK_NAMES)[number];

/** Checks shown to the reviewer but never blocking. */
export const INFORMATIVE_CHECKS: readonly SharingCheckName[] = ['SECOND_APPROVAL'];

export interface SharingCheck {
  name: SharingCheckName;
  passed: boolean;
  message: string;
  /**
   * Set on the section 9 checks (TRANSFER_LAWFUL, DPIA_APPROVED): true
   * before enforcement, when they inform but do not block. Unset: the
   * check is informative when listed in {@link INFORMATIVE_CHECKS}.
   */
  informative?: boolean;
}

/** Whether a failing check leaves an approval possible. */
export function isInformativeCheck(check: Pick<SharingCheck, 'name' | 'informative'>): boolean {
  return check.informative ?? INFORMATIVE_CHECKS.includes(check.name);
}

export interface SharingChecksInput {
  arrangement: {
    dataCategories: readonly string[];
    legalBasis: LegalBasis;
    requestedById: string;
    /** Users who approved so far. */
    approverIds: readonly string[];
    requiredApprovals: number;
    /**
     * Approved, rejected, revoked or withdrawn: nobody approves it any more,
     * so SEPARATION_OF_DUTIES reads from the viewer's side (an officer who
     * approved it is told so) and never fails. Unset: still open.
     */
    decided?: boolean;
  };
  processor: ProcessorDpa & { key?: string };
  /** Categories of the service's current inventory. */
  inventoryCategories: readonly string[];
  /** The service's effective policy now. */
  effectiveClauses: readonly EffectiveClause[];
  /**
   * The officer about to approve (the viewer, when an officer looks). Null
   * when nobody is approving (another role is looking): SEPARATION_OF_DUTIES
   * then passes and says it is checked at approval time.
   */
  approverId: string | null;
  taxonomy: Taxonomy;
  now: Date;
  /** DESIGN.md section 9: with it, TRANSFER_LAWFUL and DPIA_APPROVED follow the five; without, they are not evaluated. */
  assessments?: AssessmentChecksFacts;
}

/**
 * The five checks of DESIGN.md section 5 in the contract's order, then, with
 * `assessments`, TRANSFER_LAWFUL and DPIA_APPROVED (section 9), evaluated
 * live.
 */
export function evaluateSharingChecks(input: SharingChecksInput): SharingCheck[] {
  const { arrangement, processor, now } = input;
  const who = processor.key ? `processor ${processor.key}` : 'the processor';

  const dpa = dpaProblem(processor, now);
  const missing = categoriesMissingFromInventory(input.inventoryCategories, arrangement.dataCategories);
  const refused = sharingPermissions(arrangement.dataCategories, arrangement.legalBasis, input.effectiveClauses, input.taxonomy).filter((p) => !p.permitted);
  const approvers = new Set(arrangement.approverIds);

  let separation: SharingCheck;
  if (arrangement.decided) {
    const mine = input.approverId !== null && approvers.has(input.approverId);
    separation = {
      name: 'SEPARATION_OF_DUTIES',
      passed: true,
      message: mine ? 'you approved this arrangement; separation of duties was checked when you did' : 'checked against each approving officer at approval time',
    };
  } else if (input.approverId === null) {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: true, message: 'checked against the approving officer at approval time' };
  } else if (input.approverId === arrangement.requestedById) {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: false, message: 'the approver requested this arrangement' };
  } else if (approvers.has(input.approverId)) {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: false, message: 'you approved this arrangement already: the next approval must come from another officer' };
  } else {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: true, message: 'the approver neither requested nor already approved it' };
  }

  return [
    {
      name: 'DPA_VALID',
      passed: dpa === null,
      message: dpa === null ? `${who} has a signed, unexpired DPA` : `${who} ${dpa}`,
    },
    {
      name: 'CATEGORIES_IN_INVENTORY',
      passed: missing.length === 0,
      message: missing.length === 0 ? "the service's inventory holds every shared category" : `not in the service's inventory: ${missing.join(', ')}`,
    },
    {
      name: 'POLICY_PERMITS_SHARING',
      passed: refused.length === 0,
      message: refused.length === 0 ? 'the effective policy permits sharing every category with third parties' : `not permitted: ${refused.map((p) => `${p.category} (${p.reason})`).join('; ')}`,
    },
    separation,
    {
      name: 'SECOND_APPROVAL',
      passed: approvers.size >= arrangement.requiredApprovals,
      message: `${Math.min(approvers.size, arrangement.requiredApprovals)} of ${arrangement.requiredApprovals} required approval(s) from distinct officers`,
    },
    ...(input.assessments ? assessmentSharingChecks(input, input.assessments) : []),
  ];
}

/** The failed checks that block an approval (`CHECKS_FAILED`); informative ones never block. */
export function blockingFailures(checks: readonly SharingCheck[]): SharingCheck[] {
  return checks.filter((c) => !c.passed && !isInformativeCheck(c));
}
