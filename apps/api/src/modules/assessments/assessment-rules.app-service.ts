import { type EntityManager, In } from 'typeorm';
import { type AdequacyEntry, AdequacyRegister, type AssessmentRecord, type AssessmentRulesInput, type StoredAssessmentStatus } from '@canopy/domain';
import { type AssessmentFields, SettingEntity } from '@canopy/persistence';
import type { ResolvedHomeRegion } from '../home-region';
import { AssessmentQueries } from './assessment.queries';

/** A setting another feature keeps in its settings row, parsed from the row's value. */
interface SettingParser<T> {
  readonly settingKey: string;
  fromSetting(value: string | undefined, at: Date): T;
}

/** The adequacy register's entries, kept by the transfers feature (handed over by the wiring root: transfers reads assessments' ports, not the reverse). */
export type AdequacyEntriesReader = (m: EntityManager) => Promise<readonly AdequacyEntry[]>;

/** What the findings of DESIGN.md section 9 read besides the section 4 facts, for a set of services. */
export interface AssessmentRulesFacts {
  /** Enforcement, the home region in force at the instant measured and the adequacy register (which keeps its own history). */
  common: Omit<AssessmentRulesInput, 'dpias'>;
  dpiasByService: Map<string, AssessmentRecord[]>;
  tiasByArrangement: Map<string, AssessmentRecord[]>;
}

/** The record the domain's derived status reads, from a stored assessment or one of its revisions. */
export const recordOfRow = (row: AssessmentFields): AssessmentRecord => ({
  kind: row.kind as AssessmentRecord['kind'],
  status: row.status as StoredAssessmentStatus,
  approvedAt: row.status === 'APPROVED' ? row.decidedAt : null,
  reviewDueAt: row.reviewDueAt,
  assessedCategories: row.assessedCategories,
  assessedContent: row.assessedContent,
});

/**
 * The facts of TRANSFER_UNLAWFUL, DPIA_MISSING and ASSESSMENT_EXPIRED for
 * the findings engine, whatever the number of services: the settings rows of
 * enforcement and of the home region together, the adequacy register, then
 * the services' assessments (now: one statement; as of a past instant: their
 * revisions valid then and their origins, two), each one more per 10,000
 * services unless they are every service.
 */
export class AssessmentRules {
  constructor(
    private readonly enforcement: SettingParser<Date | null>,
    private readonly homeRegion: SettingParser<ResolvedHomeRegion>,
    private readonly adequacy: AdequacyEntriesReader,
  ) {}

  /** `past`: `at` is behind the clock, so the assessments are read as they stood then (their history). */
  async factsFor(m: EntityManager, serviceIds: readonly string[] | 'all', at: Date, past = false): Promise<AssessmentRulesFacts> {
    const settings = new Map(
      (await m.findBy(SettingEntity, { key: In([this.enforcement.settingKey, this.homeRegion.settingKey]) })).map((row) => [row.key, row.value]),
    );
    const enforceFrom = this.enforcement.fromSetting(settings.get(this.enforcement.settingKey), at);
    const region = this.homeRegion.fromSetting(settings.get(this.homeRegion.settingKey), at);
    const adequacy = new AdequacyRegister(await this.adequacy(m));
    const rows = serviceIds !== 'all' && serviceIds.length === 0 ? [] : await assessmentsOf(new AssessmentQueries(m), serviceIds, at, past);
    const dpiasByService = new Map<string, AssessmentRecord[]>();
    const tiasByArrangement = new Map<string, AssessmentRecord[]>();
    for (const row of rows) {
      const [map, key] = row.kind === 'TIA' ? [tiasByArrangement, row.arrangementId ?? ''] : [dpiasByService, row.serviceId];
      map.set(key, [...(map.get(key) ?? []), recordOfRow(row)]);
    }
    return { common: { enforceFrom, homeRegion: { name: region.name, countries: region.countries }, adequacy }, dpiasByService, tiasByArrangement };
  }
}

/** The services' assessments now, or (`past`) as they stood at `at`: an assessment drafted later is absent, one approved later is still in review. */
async function assessmentsOf(queries: AssessmentQueries, serviceIds: readonly string[] | 'all', at: Date, past: boolean): Promise<AssessmentFields[]> {
  if (!past) return queries.ofServices(serviceIds);
  return (await queries.revisionsAt(serviceIds === 'all' ? { all: true } : { serviceIds }, at)).map((r) => r.revision);
}
