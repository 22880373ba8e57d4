import { type AssessmentRecord, assessmentStandingAt, coveringAssessment, latestApproved } from '../assessments/status-at';
import { isInRegion } from '../regions/home-region';
import { utcDay } from '../shared/dates';
import { ADEQUACY_SCOPE_DESCRIPTIONS, type AdequacyEntry, AdequacyRegister, adequacyCoverage, type AdequacyRecipient } from './adequacy-register';
import { type TransferMechanism, isSafeguardMechanism, safeguardBasis } from './mechanisms';
import type { ArrangementContent, ProcessorTransferFacts } from './transfer-facts';
import { tiaContentFingerprint } from './tia-fingerprint';

/** The contract's `TransferAssessment`, one per recipient: the processor, then each sub-processor in the DPA's order. */
export interface TransferAssessment {
  recipient: string;
  recipientKind: 'PROCESSOR' | 'SUB_PROCESSOR';
  country: string;
  /** Outside the home region (GDPR chapter V). */
  restricted: boolean;
  lawful: boolean;
  /** `ADEQUACY_DECISION`, `<MECHANISM> + TIA`, `DEROGATION` (never lawful), or null (not restricted, or nothing recorded). */
  basis: string | null;
  /** The recipient's recorded mechanism. */
  mechanism: TransferMechanism | null;
  /** Another basis that also holds now, which would keep the transfer lawful if `basis` fell. */
  fallback: string | null;
  reason: string;
}

export interface TransferAssessmentInput {
  arrangement: ArrangementContent;
  processor: ProcessorTransferFacts;
  /** The home region in force at `at`. */
  homeRegion: { name: string; countries: readonly string[] };
  adequacy: AdequacyRegister | readonly AdequacyEntry[];
  /** The arrangement's TIAs, any status, as of `at`. */
  tias: readonly AssessmentRecord[];
  at: Date;
  /** What-if: mechanisms no longer valid (ADEQUACY_DECISION: no adequacy decision counts). */
  invalidMechanisms?: readonly TransferMechanism[];
}

/**
 * Whether each transfer of a sharing arrangement is lawful at `at`
 * (DESIGN.md section 9). A transfer is restricted when the recipient's
 * country is outside the home region; a restricted one is lawful when an
 * adequacy decision covers the recipient then (within its scope), or when
 * the recipient's mechanism is SCC, BCR, a certification or a code of
 * conduct and an APPROVED, unexpired, non-stale TIA covers the arrangement.
 * A derogation (Art. 49) is for occasional transfers and never a basis for
 * an arrangement. Adequacy is named first when both hold; the other basis is
 * the fallback.
 */
export function transferAssessment(input: TransferAssessmentInput): TransferAssessment[] {
  const ctx = new TransferContext(AdequacyRegister.of(input.adequacy), input.homeRegion, input.at, input.invalidMechanisms ?? []);
  return ctx.assess(input.arrangement, input.processor, input.tias);
}

/** The recipients of an arrangement: its processor, then each sub-processor. */
export function transferRecipients(processor: ProcessorTransferFacts): { name: string; kind: TransferAssessment['recipientKind']; country: string; mechanism: TransferMechanism | null; recipient: AdequacyRecipient }[] {
  return [
    { name: `processor ${processor.key}`, kind: 'PROCESSOR' as const, country: processor.country.toUpperCase(), mechanism: processor.transferMechanism, recipient: processor },
    ...(processor.subProcessors ?? []).map((s) => ({ name: `sub-processor ${s.name}`, kind: 'SUB_PROCESSOR' as const, country: s.country.toUpperCase(), mechanism: s.transferMechanism, recipient: s })),
  ];
}

interface TiaCoverage {
  covered: boolean;
  /** How the arrangement's TIAs stand, for a reason sentence. */
  words: string;
}

/**
 * One instant, one home region, one register, one set of invalidated
 * mechanisms: assesses many arrangements at the cost of a lookup per
 * recipient (what `transferImpact` runs over thousands).
 */
export class TransferContext {
  private readonly invalid: ReadonlySet<string>;

  constructor(
    readonly register: AdequacyRegister,
    readonly homeRegion: { name: string; countries: readonly string[] },
    readonly at: Date,
    invalidMechanisms: readonly TransferMechanism[] = [],
  ) {
    this.invalid = new Set(invalidMechanisms);
  }

  assess(arrangement: ArrangementContent, processor: ProcessorTransferFacts, tias: readonly AssessmentRecord[], tia?: () => TiaCoverage): TransferAssessment[] {
    let coverage: TiaCoverage | undefined;
    const tiaCoverage = tia ?? (() => (coverage ??= tiaCoverageAt(arrangement, processor, tias, this.at)));
    return transferRecipients(processor).map((r) => this.leg(r, tiaCoverage));
  }

  private leg(r: ReturnType<typeof transferRecipients>[number], tia: () => TiaCoverage): TransferAssessment {
    const base = { recipient: r.name, recipientKind: r.kind, country: r.country, mechanism: r.mechanism };
    const where = `${r.name} in ${r.country}`;
    if (isInRegion(this.homeRegion, r.country)) {
      return { ...base, restricted: false, lawful: true, basis: null, fallback: null, reason: `${where}: inside the home region ${this.homeRegion.name}, not a restricted transfer` };
    }
    const bases: { basis: string; words: string }[] = [];
    const failures: string[] = [];

    const adequacy = adequacyCoverage(this.register, r.country, this.at, r.recipient);
    if (this.invalid.has('ADEQUACY_DECISION') && adequacy.entry) failures.push(`adequacy decisions are taken as invalid`);
    else if (adequacy.adequate) bases.push({ basis: 'ADEQUACY_DECISION', words: `adequacy decision for ${r.country}${adequacyWords(adequacy.entry!)}` });
    else if (adequacy.outOfScope) failures.push(`the adequacy decision for ${r.country} covers only ${ADEQUACY_SCOPE_DESCRIPTIONS[adequacy.entry!.scope!]}`);
    else failures.push(this.noAdequacyWords(r.country));

    const m = r.mechanism;
    if (m === 'DEROGATION') failures.push('a derogation (Art. 49) is for occasional transfers and never a basis for a sharing arrangement');
    else if (isSafeguardMechanism(m)) {
      if (this.invalid.has(m)) failures.push(`${m} is taken as invalid`);
      else {
        const coverage = tia();
        if (coverage.covered) bases.push({ basis: safeguardBasis(m), words: `${m} with ${coverage.words}` });
        else failures.push(`${m} needs an approved, unexpired, current TIA: ${coverage.words}`);
      }
    } else if (!bases.length) failures.push(m === 'ADEQUACY_DECISION' ? 'it records ADEQUACY_DECISION as its mechanism' : 'no other transfer mechanism is recorded');

    if (bases.length) {
      const [first, second] = bases;
      return { ...base, restricted: true, lawful: true, basis: first.basis, fallback: second?.basis ?? null, reason: `${where}: lawful on ${first.words}${second ? `; also ${second.words}` : ''}` };
    }
    return { ...base, restricted: true, lawful: false, basis: m === 'DEROGATION' ? 'DEROGATION' : null, fallback: null, reason: `${where}: not lawful: ${failures.join('; ')}` };
  }

  private noAdequacyWords(country: string): string {
    const governing = this.register.governing(country, this.at);
    if (governing?.validUntil && governing.validUntil.getTime() <= this.at.getTime()) return `the adequacy decision for ${country} ended on ${utcDay(governing.validUntil)}`;
    return `no adequacy decision covers ${country}`;
  }
}

function adequacyWords(entry: AdequacyEntry): string {
  const scope = entry.scope ? `, for ${ADEQUACY_SCOPE_DESCRIPTIONS[entry.scope]}` : '';
  const until = entry.validUntil ? ` until ${utcDay(entry.validUntil)}` : '';
  return `${scope} (from ${utcDay(entry.validFrom)}${until})`;
}

/** Whether an APPROVED, unexpired, non-stale TIA covers the arrangement's content at `at`. */
export function tiaCoverageAt(arrangement: ArrangementContent, processor: ProcessorTransferFacts, tias: readonly AssessmentRecord[], at: Date): TiaCoverage {
  if (!tias.length) return { covered: false, words: 'no TIA covers the arrangement' };
  const subject = { kind: 'TIA' as const, contentFingerprint: tiaContentFingerprint(arrangement, processor) };
  const covering = coveringAssessment(tias, at, subject);
  if (covering) return { covered: true, words: `the TIA approved on ${utcDay(covering.approvedAt ?? at)}` };
  const latest = latestApproved(tias);
  if (!latest) return { covered: false, words: 'no TIA of the arrangement is approved' };
  const standing = assessmentStandingAt(latest, at, subject);
  return { covered: false, words: `the latest approved TIA is ${standing.status}${standing.reason ? ` (${standing.reason})` : ''}` };
}

export interface DerogationError {
  recipient: string;
  country: string;
  message: string;
}

/**
 * An arrangement may not rest on a derogation (`BAD_USER_INPUT` when it is
 * drafted or submitted): each recipient outside the home region whose
 * recorded mechanism is DEROGATION.
 */
export function derogationErrors(processor: ProcessorTransferFacts, homeRegion: { name: string; countries: readonly string[] }): DerogationError[] {
  return transferRecipients(processor)
    .filter((r) => r.mechanism === 'DEROGATION' && !isInRegion(homeRegion, r.country))
    .map((r) => ({
      recipient: r.name,
      country: r.country,
      message: `${r.name} in ${r.country} records DEROGATION: a derogation (GDPR Art. 49) is for occasional transfers and never a basis for a sharing arrangement; record SCC, BCR, a certification or a code of conduct (with a TIA), or rely on an adequacy decision`,
    }));
}
