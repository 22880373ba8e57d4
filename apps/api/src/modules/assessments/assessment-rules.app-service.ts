import { type EntityManager, In } from 'typeorm';
import type { AssessmentRecord, AssessmentRulesInput, StoredAssessmentStatus } from '@canopy/domain';
import { type AssessmentEntity, SettingEntity } from '@canopy/persistence';
import type { ResolvedHomeRegion } from '../home-region';
import { AssessmentQueries } from './assessment.queries';

/** A setting another feature keeps in its settings row, parsed from the row's value. */
interface SettingParser<T> {
  readonly settingKey: string;
  fromSetting(value: string | undefined, at: Date): T;
}

/** What the findings of DESIGN.md section 9 read besides the section 4 facts, for a set of services. */
export interface AssessmentRulesFacts {
  /** Enforcement and the home region in force at the instant measured; the adequacy register is not read (TRANSFER_UNLAWFUL is not served yet). */
  common: Omit<AssessmentRulesInput, 'dpias' | 'adequacy'>;
  dpiasByService: Map<string, AssessmentRecord[]>;
  tiasByArrangement: Map<string, AssessmentRecord[]>;
}

/** The record the domain's derived status reads, from a stored assessment. */
export const recordOfRow = (row: AssessmentEntity): AssessmentRecord => ({
  kind: row.kind as AssessmentRecord['kind'],
  status: row.status as StoredAssessmentStatus,
  approvedAt: row.status === 'APPROVED' ? row.decidedAt : null,
  reviewDueAt: row.reviewDueAt,
  assessedCategories: row.assessedCategories,
  assessedContent: row.assessedContent,
});

/**
 * The facts of DPIA_MISSING and ASSESSMENT_EXPIRED for the findings engine:
 * two statements whatever the number of services (the settings rows of
 * enforcement and of the home region together, then the services'
 * assessments; one more per 10,000 services unless they are every service).
 */
export class AssessmentRules {
  constructor(
    private readonly enforcement: SettingParser<Date | null>,
    private readonly homeRegion: SettingParser<ResolvedHomeRegion>,
  ) {}

  async factsFor(m: EntityManager, serviceIds: readonly string[] | 'all', at: Date): Promise<AssessmentRulesFacts> {
    const settings = new Map(
      (await m.findBy(SettingEntity, { key: In([this.enforcement.settingKey, this.homeRegion.settingKey]) })).map((row) => [row.key, row.value]),
    );
    const enforceFrom = this.enforcement.fromSetting(settings.get(this.enforcement.settingKey), at);
    const region = this.homeRegion.fromSetting(settings.get(this.homeRegion.settingKey), at);
    const rows = serviceIds !== 'all' && serviceIds.length === 0 ? [] : await new AssessmentQueries(m).ofServices(serviceIds);
    const dpiasByService = new Map<string, AssessmentRecord[]>();
    const tiasByArrangement = new Map<string, AssessmentRecord[]>();
    for (const row of rows) {
      const [map, key] = row.kind === 'TIA' ? [tiasByArrangement, row.arrangementId ?? ''] : [dpiasByService, row.serviceId];
      map.set(key, [...(map.get(key) ?? []), recordOfRow(row)]);
    }
    return { common: { enforceFrom, homeRegion: { name: region.name, countries: region.countries } }, dpiasByService, tiasByArrangement };
  }
}
