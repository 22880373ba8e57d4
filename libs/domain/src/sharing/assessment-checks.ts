import { advisoryNote, assessmentEnforcementAt } from '../assessments/enforcement';
import { type AssessmentRecord, assessmentStandingAt, coveringAssessment, latestApproved } from '../assessments/status-at';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { AdequacyEntry, AdequacyRegister } from '../transfers/adequacy-register';
import { transferAssessment } from '../transfers/transfer-assessment';
import type { ProcessorTransferFacts } from '../transfers/transfer-facts';
import { sharedCategoryKeys } from './shared-categories';

/** What TRANSFER_LAWFUL and DPIA_APPROVED read besides the section 5 facts. */
export interface AssessmentChecksFacts {
  /** `enforceAssessmentsFrom`; null: never turned on, the two checks inform only. */
  enforceFrom: Date | null;
  /** The home region in force now. */
  homeRegion: { name: string; countries: readonly string[] };
  adequacy: AdequacyRegister | readonly AdequacyEntry[];
  /** The arrangement's purposes (its TIA assessed them). */
  purposes: readonly string[];
  /** The arrangement's processor with its country, mechanism, certifications and sub-processors. */
  processor: ProcessorTransferFacts;
  /** The arrangement's TIAs, any status. */
  tias: readonly AssessmentRecord[];
  /** The service's DPIAs, any status. */
  dpias: readonly AssessmentRecord[];
}

interface ArrangementUnderReview {
  arrangement: { dataCategories: readonly string[]; legalBasis: string };
  inventoryCategories: readonly string[];
  taxonomy: Taxonomy;
  now: Date;
}

export interface AssessmentSharingCheck {
  name: 'TRANSFER_LAWFUL' | 'DPIA_APPROVED';
  passed: boolean;
  message: string;
  informative: boolean;
}

/**
 * TRANSFER_LAWFUL: every transfer of the arrangement is lawful now
 * (`transferAssessment`). DPIA_APPROVED: when the arrangement shares a
 * sensitive category (its sub-categories included), an APPROVED, unexpired,
 * non-stale DPIA covers the service. Both inform only before enforcement.
 */
export function assessmentSharingChecks(input: ArrangementUnderReview, facts: AssessmentChecksFacts): AssessmentSharingCheck[] {
  const enforcement = assessmentEnforcementAt(facts.enforceFrom, input.now);
  const note = advisoryNote(enforcement);
  const informative = !enforcement.enforced;

  const transfers = transferAssessment({
    arrangement: { dataCategories: input.arrangement.dataCategories, purposes: facts.purposes, legalBasis: input.arrangement.legalBasis },
    processor: facts.processor,
    homeRegion: facts.homeRegion,
    adequacy: facts.adequacy,
    tias: facts.tias,
    at: input.now,
  });
  const unlawful = transfers.filter((t) => !t.lawful);
  const restricted = transfers.filter((t) => t.restricted);
  const transferMessage = unlawful.length
    ? unlawful.map((t) => t.reason).join('; ')
    : restricted.length
      ? `every transfer outside ${facts.homeRegion.name} is lawful: ${restricted.map((t) => `${t.country} on ${t.basis}`).join(', ')}`
      : `every recipient is inside the home region ${facts.homeRegion.name}`;

  const sensitive = sharedCategoryKeys(input.arrangement.dataCategories, input.taxonomy).filter((c) => input.taxonomy.isSensitive(c));
  let dpia: { passed: boolean; message: string };
  if (!sensitive.length) dpia = { passed: true, message: 'shares no sensitive category: no DPIA is needed for this arrangement' };
  else {
    const subject = { kind: 'DPIA' as const, collectedCategories: input.inventoryCategories, taxonomy: input.taxonomy };
    const covering = coveringAssessment(facts.dpias, input.now, subject);
    const latest = covering ? null : latestApproved(facts.dpias);
    const standing = latest ? assessmentStandingAt(latest, input.now, subject) : null;
    dpia = covering
      ? { passed: true, message: `shares sensitive ${sensitive.join(', ')}; the service's DPIA approved on ${covering.approvedAt?.toISOString()} covers it` }
      : {
          passed: false,
          message: `shares sensitive ${sensitive.join(', ')} but no approved, unexpired, current DPIA covers the service${standing ? `: its latest is ${standing.status}${standing.reason ? ` (${standing.reason})` : ''}` : ''}`,
        };
  }

  return [
    { name: 'TRANSFER_LAWFUL', passed: unlawful.length === 0, message: transferMessage + (unlawful.length ? note : ''), informative },
    { name: 'DPIA_APPROVED', passed: dpia.passed, message: dpia.message + (dpia.passed ? '' : note), informative },
  ];
}
