import type { EntityManager } from 'typeorm';
import type { AssessmentRecord, AssessmentRulesInput, StoredAssessmentStatus } from '@canopy/domain';
import type { AssessmentEntity } from '@canopy/persistence';
import type { HomeRegionReader } from '../home-region';
import { AssessmentQueries } from './assessment.queries';
import type { EnforcementReader } from './enforcement.app-service';

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
 * three statements whatever the number of services (enforcement, the home
 * region, the services' assessments; one more per 10,000 services unless
 * they are every service).
 */
export class AssessmentRules {
  constructor(
    private readonly enforcement: EnforcementReader,
    private readonly homeRegion: HomeRegionReader,
  ) {}

  async factsFor(m: EntityManager, serviceIds: readonly string[] | 'all', at: Date): Promise<AssessmentRulesFacts> {
    const [enforceFrom, region, rows] = await Promise.all([
      this.enforcement.enforceFrom(m),
      this.homeRegion.at(at, m),
      serviceIds !== 'all' && serviceIds.length === 0 ? Promise.resolve([]) : new AssessmentQueries(m).ofServices(serviceIds),
    ]);
    const dpiasByService = new Map<string, AssessmentRecord[]>();
    const tiasByArrangement = new Map<string, AssessmentRecord[]>();
    for (const row of rows) {
      const [map, key] = row.kind === 'TIA' ? [tiasByArrangement, row.arrangementId ?? ''] : [dpiasByService, row.serviceId];
      map.set(key, [...(map.get(key) ?? []), recordOfRow(row)]);
    }
    return { common: { enforceFrom, homeRegion: { name: region.name, countries: region.countries } }, dpiasByService, tiasByArrangement };
  }
}
