import { type AssessmentRecord, assessmentStandingAt, coveringAssessment, latestApproved } from '../assessments/status-at';
import { isInRegion } from '../regions/home-region';
import { utcDay } from '../shared/dates';
import { ADEQUACY_SCOPE_DESCRIPTIONS, type AdequacyEntry, type AdequacyRecipient, AdequacyRegister, scopeCovers } from './adequacy-register';
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

type Recipient = ReturnType<typeof transferRecipients>[number];

/** How one transfer stands, before any words: what a batch compares. */
export interface Judgement extends Pick<TransferAssessment, 'restricted' | 'lawful' | 'basis' | 'fallback'> {
  adequacy: 'COVERED' | 'OUT_OF_SCOPE' | 'NONE' | 'INVALID' | 'NOT_NEEDED';
  /** The recorded mechanism as an Art. 46 safeguard; null when it is none. */
  safeguard: 'COVERED' | 'UNCOVERED' | 'INVALID' | null;
}

const NOT_RESTRICTED: Judgement = Object.freeze({ restricted: false, lawful: true, basis: null, fallback: null, adequacy: 'NOT_NEEDED', safeguard: null });

/**
 * One instant, one home region, one register, one set of invalidated
 * mechanisms: assesses many arrangements at the cost of a lookup per
 * recipient (what `transferImpact` runs over thousands).
 */
export class TransferContext {
  private readonly invalid: ReadonlySet<string>;
  private readonly countries = new Map<string, CountryStanding>();

  constructor(
    readonly register: AdequacyRegister,
    readonly homeRegion: { name: string; countries: readonly string[] },
    readonly at: Date,
    invalidMechanisms: readonly TransferMechanism[] = [],
  ) {
    this.invalid = new Set(invalidMechanisms);
  }

  assess(arrangement: ArrangementContent, processor: ProcessorTransferFacts, tias: readonly AssessmentRecord[], tia?: () => TiaCoverage): TransferAssessment[] {
    const coverage = tia ?? this.tiaOnce(arrangement, processor, tias);
    return transferRecipients(processor).map((r) => this.leg(r, coverage));
  }

  /** Like {@link assess} without the sentences: what a batch compares before it explains anything. */
  judge(arrangement: ArrangementContent, processor: ProcessorTransferFacts, tias: readonly AssessmentRecord[], tia?: () => TiaCoverage): Judgement[] {
    const coverage = tia ?? this.tiaOnce(arrangement, processor, tias);
    return transferRecipients(processor).map((r) => this.judgement(r, coverage));
  }

  private tiaOnce(arrangement: ArrangementContent, processor: ProcessorTransferFacts, tias: readonly AssessmentRecord[]): () => TiaCoverage {
    let coverage: TiaCoverage | undefined;
    return () => (coverage ??= tiaCoverageAt(arrangement, processor, tias, this.at));
  }

  private judgement(r: Recipient, tia: () => TiaCoverage): Judgement {
    if (isInRegion(this.homeRegion, r.country)) return NOT_RESTRICTED;
    const country = this.country(r.country);
    const adequacy: Judgement['adequacy'] = !country.entry
      ? 'NONE'
      : this.invalid.has('ADEQUACY_DECISION')
        ? 'INVALID'
        : scopeCovers(country.entry.scope, r.recipient)
          ? 'COVERED'
          : 'OUT_OF_SCOPE';
    const m = r.mechanism;
    const safeguard: Judgement['safeguard'] = !isSafeguardMechanism(m) ? null : this.invalid.has(m) ? 'INVALID' : tia().covered ? 'COVERED' : 'UNCOVERED';
    const bases = [...(adequacy === 'COVERED' ? ['ADEQUACY_DECISION'] : []), ...(safeguard === 'COVERED' && isSafeguardMechanism(m) ? [safeguardBasis(m)] : [])];
    return { restricted: true, lawful: bases.length > 0, basis: bases[0] ?? (m === 'DEROGATION' ? 'DEROGATION' : null), fallback: bases[1] ?? null, adequacy, safeguard };
  }

  private leg(r: Recipient, tia: () => TiaCoverage): TransferAssessment {
    const j = this.judgement(r, tia);
    const where = `${r.name} in ${r.country}`;
    const base = { recipient: r.name, recipientKind: r.kind, country: r.country, mechanism: r.mechanism, restricted: j.restricted, lawful: j.lawful, basis: j.basis, fallback: j.fallback };
    if (!j.restricted) return { ...base, reason: `${where}: inside the home region ${this.homeRegion.name}, not a restricted transfer` };
    const m = r.mechanism;
    const country = this.country(r.country);
    const scope = country.entry?.scope;
    const adequacyWords =
      j.adequacy === 'COVERED'
        ? country.words
        : j.adequacy === 'INVALID'
          ? 'adequacy decisions are taken as invalid'
          : j.adequacy === 'OUT_OF_SCOPE' && scope
            ? `the adequacy decision for ${r.country} covers only ${ADEQUACY_SCOPE_DESCRIPTIONS[scope]}`
            : country.none;
    let mechanismWords: string | null = null;
    if (m === 'DEROGATION') mechanismWords = 'a derogation (Art. 49) is for occasional transfers and never a basis for a sharing arrangement';
    else if (j.safeguard === 'INVALID') mechanismWords = `${m} is taken as invalid`;
    else if (j.safeguard === 'COVERED') mechanismWords = `${m} with ${tia().words}`;
    else if (j.safeguard === 'UNCOVERED') mechanismWords = `${m} needs an approved, unexpired, current TIA: ${tia().words}`;
    else if (!j.lawful) mechanismWords = m === 'ADEQUACY_DECISION' ? 'it records ADEQUACY_DECISION as its mechanism' : 'no other transfer mechanism is recorded';

    if (j.lawful) {
      const on = j.adequacy === 'COVERED' ? adequacyWords : mechanismWords;
      const also = j.fallback ? `; also ${mechanismWords}` : '';
      return { ...base, reason: `${where}: lawful on ${on}${also}` };
    }
    return { ...base, reason: `${where}: not lawful: ${[adequacyWords, mechanismWords].filter(Boolean).join('; ')}` };
  }

  /** The decision in force for a country at this instant, looked up once per country. */
  private country(code: string): CountryStanding {
    let standing = this.countries.get(code);
    if (!standing) {
      const entry = this.register.inForce(code, this.at);
      const governing = entry ?? this.register.governing(code, this.at);
      const ended = governing?.validUntil && governing.validUntil.getTime() <= this.at.getTime() ? `the adequacy decision for ${code} ended on ${utcDay(governing.validUntil)}` : null;
      standing = { entry, words: entry ? `adequacy decision for ${code}${adequacyWords(entry)}` : '', none: ended ?? `no adequacy decision covers ${code}` };
      this.countries.set(code, standing);
    }
    return standing;
  }
}

interface CountryStanding {
  entry: AdequacyEntry | null;
  /** How a covered transfer is based. */
  words: string;
  /** Why no decision applies. */
  none: string;
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
