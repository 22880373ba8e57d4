import { type EntityManager, In } from 'typeorm';
import { type AdequacyEntry, AdequacyRegister, type AssessmentRecord, type AssessmentRulesInput } from '@canopy/domain';
import { SettingEntity } from '@canopy/persistence';
import type { ResolvedHomeRegion } from '../home-region';
import { assessmentRecords } from './assessment-records';

/** A setting another feature keeps in its settings row, parsed from the row's value. */
interface SettingParser<T> {
  readonly settingKey: string;
  fromSetting(value: string | undefined, at: Date): T;
}

/** The adequacy register's entries, kept by the transfers feature (handed over by the wiring root: transfers reads assessments' ports, not the reverse). */
export type AdequacyEntriesReader = (m: EntityManager) => Promise<readonly AdequacyEntry[]>;

/** The organisation-wide facts of the rules: settings rows by key and the adequacy register (which keeps its own history). */
export interface SharedRuleFacts {
  settings: ReadonlyMap<string, string>;
  adequacy: readonly AdequacyEntry[];
}

/** What the findings of DESIGN.md section 9 read besides the section 4 facts, for a set of services. */
export interface AssessmentRulesFacts {
  /** Enforcement, the home region in force at the instant measured and the adequacy register (which keeps its own history). */
  common: Omit<AssessmentRulesInput, 'dpias'>;
  dpiasByService: Map<string, AssessmentRecord[]>;
  tiasByArrangement: Map<string, AssessmentRecord[]>;
}

/**
 * The facts of TRANSFER_UNLAWFUL, DPIA_MISSING and ASSESSMENT_EXPIRED for
 * the findings engine, whatever the number of services: the settings rows of
 * enforcement and of the home region together, the adequacy register, then
 * the services' assessments (assessmentRecords: one statement now, two as of
 * a past instant).
 */
export class AssessmentRules {
  constructor(
    private readonly enforcement: SettingParser<Date | null>,
    private readonly homeRegion: SettingParser<ResolvedHomeRegion>,
    private readonly adequacy: AdequacyEntriesReader,
  ) {}

  /** The settings rows the rules read, for a caller that reads them with the organisation's other shared facts (`shared` of factsFor). */
  get settingKeys(): readonly string[] {
    return [this.enforcement.settingKey, this.homeRegion.settingKey];
  }

  /**
   * `past`: `at` is behind the clock, so the assessments are read as they stood then (their history).
   * `shared`: the settings rows of settingKeys and the adequacy register, read already (then only the assessments are read here).
   */
  async factsFor(
    m: EntityManager,
    serviceIds: readonly string[] | 'all',
    at: Date,
    past = false,
    shared: SharedRuleFacts | PromiseLike<SharedRuleFacts> | null = null,
  ): Promise<AssessmentRulesFacts> {
    // The assessments are read while the shared facts, if still loading, come in.
    const [{ dpiasByService, tiasByArrangement }, given] = await Promise.all([assessmentRecords(m, serviceIds, at, past), shared]);
    const settings = given?.settings ?? new Map((await m.findBy(SettingEntity, { key: In([...this.settingKeys]) })).map((row) => [row.key, row.value]));
    const enforceFrom = this.enforcement.fromSetting(settings.get(this.enforcement.settingKey), at);
    const region = this.homeRegion.fromSetting(settings.get(this.homeRegion.settingKey), at);
    const adequacy = new AdequacyRegister(given?.adequacy ?? (await this.adequacy(m)));
    return { common: { enforceFrom, homeRegion: { name: region.name, countries: region.countries }, adequacy }, dpiasByService, tiasByArrangement };
  }
}
