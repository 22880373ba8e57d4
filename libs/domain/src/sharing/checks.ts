import type { EffectiveClause } from '../precedence/types';
import type { LegalBasis } from '../shared/vocabulary';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { type ProcessorDpa, dpaProblem } from './dpa';
import { categoriesMissingFromInventory } from './inventory-coverage';
import { sharingPermissions } from './policy-permits';

export const SHARING_CHECK_NAMES = ['DPA_VALID', 'CATEGORIES_IN_INVENTORY', 'POLICY_PERMITS_SHARING', 'SEPARATION_OF_DUTIES', 'SECOND_APPROVAL'] as const;
export type SharingCheckName = (typeof SHARING_CHECK_NAMES)[number];

/** Checks shown to the reviewer but never blocking. */
export const INFORMATIVE_CHECKS: readonly SharingCheckName[] = ['SECOND_APPROVAL'];

export interface SharingCheck {
  name: SharingCheckName;
  passed: boolean;
  message: string;
}

export interface SharingChecksInput {
  arrangement: {
    dataCategories: readonly string[];
    legalBasis: LegalBasis;
    requestedById: string;
    /** Users who approved so far. */
    approverIds: readonly string[];
    requiredApprovals: number;
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
}

/** The five checks, in the contract's order (DESIGN.md section 5), evaluated live. */
export function evaluateSharingChecks(input: SharingChecksInput): SharingCheck[] {
  const { arrangement, processor, now } = input;
  const who = processor.key ? `processor ${processor.key}` : 'the processor';

  const dpa = dpaProblem(processor, now);
  const missing = categoriesMissingFromInventory(input.inventoryCategories, arrangement.dataCategories);
  const refused = sharingPermissions(arrangement.dataCategories, arrangement.legalBasis, input.effectiveClauses, input.taxonomy).filter((p) => !p.permitted);
  const approvers = new Set(arrangement.approverIds);

  let separation: SharingCheck;
  if (input.approverId === null) {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: true, message: 'checked against the approving officer at approval time' };
  } else if (input.approverId === arrangement.requestedById) {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: false, message: 'the approver requested this arrangement' };
  } else if (approvers.has(input.approverId)) {
    separation = { name: 'SEPARATION_OF_DUTIES', passed: false, message: 'the approver has already approved this arrangement' };
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
  ];
}

/** The failed checks that block an approval (`CHECKS_FAILED`); SECOND_APPROVAL never blocks. */
export function blockingFailures(checks: readonly SharingCheck[]): SharingCheck[] {
  return checks.filter((c) => !c.passed && !INFORMATIVE_CHECKS.includes(c.name));
}
