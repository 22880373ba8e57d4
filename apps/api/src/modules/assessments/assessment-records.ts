import type { EntityManager } from 'typeorm';
import type { AssessmentRecord, StoredAssessmentStatus } from '@canopy/domain';
import type { AssessmentFields } from '@canopy/persistence';
import { AssessmentQueries } from './assessment.queries';

/** An assessment as the domain's derived status reads it, with its id. */
export interface IdentifiedAssessment extends AssessmentRecord {
  id: string;
}

/** The assessments of some services, as the section 9 rules read them. */
export interface AssessmentRecords {
  /** Each service's DPIAs, oldest first. */
  dpiasByService: Map<string, IdentifiedAssessment[]>;
  /** Each arrangement's TIAs, oldest first. */
  tiasByArrangement: Map<string, IdentifiedAssessment[]>;
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
 * The services' assessments now, or (`past`) as they stood at `at` (their
 * revisions valid then: one drafted later is absent, one approved later is
 * still in review): one statement now, two as of a past instant, each one
 * more per 10,000 services unless they are every service.
 */
export async function assessmentRecords(m: EntityManager, serviceIds: readonly string[] | 'all', at: Date, past: boolean): Promise<AssessmentRecords> {
  const queries = new AssessmentQueries(m);
  const rows: { id: string; row: AssessmentFields }[] =
    serviceIds !== 'all' && serviceIds.length === 0
      ? []
      : past
        ? (await queries.revisionsAt(serviceIds === 'all' ? { all: true } : { serviceIds }, at)).map(({ revision }) => ({ id: revision.assessmentId, row: revision }))
        : (await queries.ofServices(serviceIds)).map((row) => ({ id: row.id, row }));
  const records: AssessmentRecords = { dpiasByService: new Map(), tiasByArrangement: new Map() };
  for (const { id, row } of rows) {
    const [map, key] = row.kind === 'TIA' ? [records.tiasByArrangement, row.arrangementId ?? ''] : [records.dpiasByService, row.serviceId];
    map.set(key, [...(map.get(key) ?? []), { id, ...recordOfRow(row) }]);
  }
  return records;
}
