import { dpiaRequirement } from '../assessments/dpia-requirement';
import { type AssessmentEnforcement, advisoryNote, assessmentEnforcementAt } from '../assessments/enforcement';
import { type AssessedSubject, type AssessmentRecord, assessmentStandingAt, coveringAssessment, latestApproved } from '../assessments/status-at';
import { utcDay } from '../shared/dates';
import { AdequacyRegister } from '../transfers/adequacy-register';
import { type TransferAssessment, TransferContext, tiaCoverageAt } from '../transfers/transfer-assessment';
import type { ArrangementContent, ProcessorTransferFacts } from '../transfers/transfer-facts';
import { FINDING_RULES, type FindingRule, type Severity } from './rules';
import type { ArrangementFacts, Finding, FindingsInput } from './types';

type Add = (rule: FindingRule, dataCategory: string | null, message: string, clause: null, severity: Severity) => void;

/** The severity of a section 9 rule: its own once enforced, LOW before. */
export function assessmentRuleSeverity(rule: FindingRule, enforcement: AssessmentEnforcement): Severity {
  return enforcement.enforced ? FINDING_RULES[rule] : 'LOW';
}

export const arrangementLabel = (id: string, processorKey: string): string => `arrangement ${id} with processor ${processorKey}`;

/** TRANSFER_UNLAWFUL for one unlawful transfer of an APPROVED arrangement (the what-if builds the same). */
export function transferUnlawfulFinding(arrangement: string, transfer: TransferAssessment, enforcement: AssessmentEnforcement): Finding {
  return {
    rule: 'TRANSFER_UNLAWFUL',
    severity: assessmentRuleSeverity('TRANSFER_UNLAWFUL', enforcement),
    dataCategory: null,
    message: `approved ${arrangement} transfers data unlawfully: ${transfer.reason}${advisoryNote(enforcement)}`,
    clause: null,
  };
}

/** The transfer facts of an arrangement, when its processor's country is known. */
export function transferFactsOf(arrangement: ArrangementFacts): { content: ArrangementContent; processor: ProcessorTransferFacts } | null {
  const p = arrangement.processor;
  if (p.country === undefined) return null;
  const processor: ProcessorTransferFacts = {
    key: p.key,
    country: p.country,
    transferMechanism: p.transferMechanism ?? null,
    certifications: p.certifications,
    sector: p.sector,
    subProcessors: p.subProcessors,
  };
  return { content: { dataCategories: arrangement.dataCategories, purposes: arrangement.purposes ?? [], legalBasis: arrangement.legalBasis }, processor };
}

/**
 * The findings of DESIGN.md section 9 for one service: TRANSFER_UNLAWFUL
 * for each unlawful transfer of an APPROVED arrangement (when the adequacy
 * register is given); DPIA_MISSING when a
 * DPIA is required and no APPROVED, unexpired, non-stale one covers the
 * service; ASSESSMENT_EXPIRED when the latest approved DPIA (or TIA of an
 * APPROVED arrangement) expired and nothing current replaced it. Before
 * enforcement each is LOW and says from when it counts.
 */
export function assessmentFindings(input: FindingsInput, add: Add): void {
  const rules = input.assessments;
  if (!rules) return;
  const enforcement = assessmentEnforcementAt(rules.enforceFrom, input.now);
  const note = advisoryNote(enforcement);
  const report = (rule: FindingRule, message: string) => add(rule, null, message + note, null, assessmentRuleSeverity(rule, enforcement));
  const ctx = rules.adequacy ? new TransferContext(AdequacyRegister.of(rules.adequacy), rules.homeRegion, input.now) : null;

  for (const arrangement of input.arrangements) {
    const facts = arrangement.status === 'APPROVED' ? transferFactsOf(arrangement) : null;
    if (!facts) continue;
    const label = arrangementLabel(arrangement.id, arrangement.processor.key);
    const tias = arrangement.tias ?? [];
    for (const transfer of ctx?.assess(facts.content, facts.processor, tias) ?? []) {
      if (!transfer.lawful) {
        const f = transferUnlawfulFinding(label, transfer, enforcement);
        add(f.rule, f.dataCategory, f.message, null, f.severity);
      }
    }
    if (!tiaCoverageAt(facts.content, facts.processor, tias, input.now).covered) {
      const expired = expiredWords(tias, input.now);
      if (expired) report('ASSESSMENT_EXPIRED', `the TIA of approved ${label} ${expired}`);
    }
  }

  const svc = `service ${input.service.key}`;
  const subject: AssessedSubject = { kind: 'DPIA', collectedCategories: input.inventory.map((i) => i.dataCategory), taxonomy: input.taxonomy };
  const covering = coveringAssessment(rules.dpias, input.now, subject);
  if (covering) return;
  const requirement = dpiaRequirement({
    service: input.service,
    inventory: input.inventory,
    arrangements: input.arrangements.flatMap((a) => {
      const facts = transferFactsOf(a);
      return facts ? [{ status: a.status, dataCategories: a.dataCategories, processor: facts.processor }] : [];
    }),
    homeRegion: rules.homeRegion,
    taxonomy: input.taxonomy,
  });
  if (requirement.required) {
    const latest = latestApproved(rules.dpias);
    const standing = latest ? assessmentStandingAt(latest, input.now, subject) : null;
    const why = standing ? `its latest approved DPIA is ${standing.status}${standing.reason ? ` (${standing.reason})` : ''}` : 'no DPIA of it is approved';
    report('DPIA_MISSING', `${svc} needs a DPIA (${requirement.criteria.map((c) => c.sentence).join('; ')}) and ${why}`);
  }
  const expired = expiredWords(rules.dpias, input.now);
  if (expired) report('ASSESSMENT_EXPIRED', `the DPIA of ${svc} ${expired}`);
}

/** "approved on D1 expired on D2" when the latest approved assessment has expired by `at`, else null. */
function expiredWords(assessments: readonly AssessmentRecord[], at: Date): string | null {
  const latest = latestApproved(assessments);
  if (!latest || assessmentStandingAt(latest, at).status !== 'EXPIRED') return null;
  return `approved on ${utcDay(latest.approvedAt ?? at)} expired on ${utcDay(latest.reviewDueAt!)}`;
}
