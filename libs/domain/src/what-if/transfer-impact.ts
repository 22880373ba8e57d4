import { assessmentEnforcementAt } from '../assessments/enforcement';
import type { AssessmentRecord } from '../assessments/status-at';
import { arrangementLabel, transferUnlawfulFinding } from '../findings/assessment-findings';
import type { Finding } from '../findings/types';
import { isCountryCode } from '../shared/countries';
import type { SharingStatus } from '../shared/vocabulary';
import { type AdequacyEntry, AdequacyRegister } from '../transfers/adequacy-register';
import { TRANSFER_MECHANISMS, type TransferMechanism } from '../transfers/mechanisms';
import { type Judgement, type TransferAssessment, TransferContext, tiaCoverageAt } from '../transfers/transfer-assessment';
import type { ArrangementContent, ProcessorTransferFacts } from '../transfers/transfer-facts';

/** The contract's `TransferScenarioInput`, with `from` resolved (the API defaults it to now). */
export interface TransferScenario {
  withdrawAdequacy?: readonly string[];
  invalidateMechanisms?: readonly TransferMechanism[];
  from: Date;
}

export interface ImpactArrangement extends ArrangementContent {
  id: string;
  serviceKey: string;
  status: SharingStatus;
  processor: ProcessorTransferFacts;
  /** The arrangement's TIAs, any status. */
  tias: readonly AssessmentRecord[];
}

export interface TransferImpactFacts {
  arrangements: readonly ImpactArrangement[];
  /** The home region in force at the scenario's `from`. */
  homeRegion: { name: string; countries: readonly string[] };
  adequacy: AdequacyRegister | readonly AdequacyEntry[];
  enforceFrom?: Date | null;
}

export interface TransferImpactLeg {
  recipient: string;
  country: string;
  /** The basis it rests on without the scenario. */
  before: string;
  /** The basis left under the scenario; null: unlawful. */
  after: string | null;
  reason: string;
}

export interface TransferImpactItem {
  arrangementId: string;
  serviceKey: string;
  processorKey: string;
  status: SharingStatus;
  dataCategories: readonly string[];
  /** Countries whose transfer loses its basis, sorted. */
  countries: string[];
  /** Every transfer that loses its basis keeps another valid one. */
  hasFallback: boolean;
  legs: TransferImpactLeg[];
  /** TRANSFER_UNLAWFUL for an APPROVED arrangement without a fallback, severity as enforcement stands at `from`. */
  findingsOpening: Finding[];
}

export interface TransferImpact {
  scenario: string;
  from: Date;
  affected: TransferImpactItem[];
}

/** Arrangements whose transfers the what-if looks at: those proposed or in force. */
const LIVE: readonly SharingStatus[] = ['DRAFT', 'PENDING_REVIEW', 'APPROVED'];

/**
 * What if adequacy were withdrawn for some countries and/or mechanisms
 * invalidated from `from` (DESIGN.md section 9)? Pure: computes, saves
 * nothing. Every live arrangement with a transfer that is lawful at `from`
 * now and would lose the basis it rests on: with a fallback when another
 * valid basis keeps each such transfer lawful, else the findings that
 * would open. Equal to recomputing `transferAssessment` with the register
 * changed (adequacy withdrawn = an entry recorded at `from` ending it).
 * Cost: one adequacy lookup per country, at most one TIA check per
 * arrangement, and sentences only for the arrangements affected.
 */
export function transferImpact(scenario: TransferScenario, facts: TransferImpactFacts): TransferImpact {
  const register = AdequacyRegister.of(facts.adequacy);
  const withdraw = [...new Set((scenario.withdrawAdequacy ?? []).map((c) => c.trim().toUpperCase()))].sort();
  const invalid = [...new Set(scenario.invalidateMechanisms ?? [])].sort();
  const now = new TransferContext(register, facts.homeRegion, scenario.from);
  const then = new TransferContext(register.withdrawn(withdraw, scenario.from), facts.homeRegion, scenario.from, invalid);
  const enforcement = assessmentEnforcementAt(facts.enforceFrom, scenario.from);

  const affected: TransferImpactItem[] = [];
  for (const a of facts.arrangements) {
    if (!LIVE.includes(a.status)) continue;
    let coverage: ReturnType<typeof tiaCoverageAt> | undefined;
    const tia = () => (coverage ??= tiaCoverageAt(a, a.processor, a.tias, scenario.from));
    const judged = then.judge(a, a.processor, a.tias, tia);
    if (!now.judge(a, a.processor, a.tias, tia).some((b, i) => losesBasis(b, judged[i]))) continue;
    const before = now.assess(a, a.processor, a.tias, tia);
    const after = then.assess(a, a.processor, a.tias, tia);
    const legs = lostBases(before, after);
    const hasFallback = legs.every((l) => l.after !== null);
    const label = arrangementLabel(a.id, a.processor.key);
    affected.push({
      arrangementId: a.id,
      serviceKey: a.serviceKey,
      processorKey: a.processor.key,
      status: a.status,
      dataCategories: a.dataCategories,
      countries: [...new Set(legs.map((l) => l.country))].sort(),
      hasFallback,
      legs,
      findingsOpening:
        a.status === 'APPROVED' && !hasFallback
          ? after.filter((t, i) => before[i].lawful && !t.lawful).map((t) => transferUnlawfulFinding(label, t, enforcement))
          : [],
    });
  }
  return { scenario: describeScenario(withdraw, invalid, scenario.from), from: scenario.from, affected };
}

/** A restricted transfer lawful before whose basis the scenario takes away. */
const losesBasis = (before: Pick<Judgement, 'lawful' | 'restricted' | 'basis'>, after: Pick<Judgement, 'basis'>): boolean => before.lawful && before.restricted && after.basis !== before.basis;

function lostBases(before: readonly TransferAssessment[], after: readonly TransferAssessment[]): TransferImpactLeg[] {
  return before.flatMap((b, i) => {
    const a = after[i];
    return losesBasis(b, a) ? [{ recipient: b.recipient, country: b.country, before: b.basis ?? '', after: a.lawful ? a.basis : null, reason: a.reason }] : [];
  });
}

function describeScenario(withdraw: readonly string[], invalid: readonly string[], from: Date): string {
  const parts = [withdraw.length ? `adequacy withdrawn for ${withdraw.join(', ')}` : '', invalid.length ? `${invalid.join(', ')} invalidated` : ''].filter(Boolean);
  return `${parts.length ? parts.join('; ') : 'nothing changes'} from ${from.toISOString()}`;
}

export interface TransferScenarioError {
  argument: string;
  message: string;
}

/** Problems with a scenario (`BAD_USER_INPUT`): country codes and mechanisms must be known. */
export function transferScenarioErrors(scenario: { withdrawAdequacy?: readonly string[]; invalidateMechanisms?: readonly string[] }): TransferScenarioError[] {
  const errors: TransferScenarioError[] = [];
  (scenario.withdrawAdequacy ?? []).forEach((c, i) => {
    if (!isCountryCode(c.trim().toUpperCase())) errors.push({ argument: `scenario.withdrawAdequacy[${i}]`, message: `"${c.slice(0, 10)}" is not an ISO 3166-1 alpha-2 country code` });
  });
  (scenario.invalidateMechanisms ?? []).forEach((m, i) => {
    if (!(TRANSFER_MECHANISMS as readonly string[]).includes(m)) errors.push({ argument: `scenario.invalidateMechanisms[${i}]`, message: `"${m.slice(0, 40)}" is not a transfer mechanism` });
  });
  return errors;
}
