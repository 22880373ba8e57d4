import { EntityManager, In } from 'typeorm';
import { AssessmentEntity, AssessmentRevisionEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { type RevisionFilter, revisionsWithOrigins } from '../../common/history';

const OLDEST_FIRST = { createdAt: 'ASC', id: 'ASC' } as const;

/** Reads of assessments, current or as of an instant; each one statement per 10,000 keys. */
export class AssessmentQueries {
  constructor(private readonly m: EntityManager) {}

  byIds(ids: readonly string[]): Promise<AssessmentEntity[]> {
    return inChunks(ids, (chunk) => this.m.findBy(AssessmentEntity, { id: In(chunk) }));
  }

  ofServices(serviceIds: readonly string[] | 'all', kind?: string): Promise<AssessmentEntity[]> {
    const where = kind ? { kind } : {};
    if (serviceIds === 'all') return this.m.find(AssessmentEntity, { where, order: OLDEST_FIRST });
    return inChunks(serviceIds, (chunk) => this.m.find(AssessmentEntity, { where: { ...where, serviceId: In(chunk) }, order: OLDEST_FIRST }));
  }

  count(kind: string | null): Promise<number> {
    return this.m.count(AssessmentEntity, { where: kind ? { kind } : {} });
  }

  /** Assessments as they stood at `at` (their revisions then), each with its immutable origin, oldest first. */
  revisionsAt(filter: RevisionFilter, at: Date): Promise<{ revision: AssessmentRevisionEntity; origin: AssessmentEntity }[]> {
    return revisionsWithOrigins(this.m, AssessmentRevisionEntity, 'assessmentId', filter, at, (ids) => this.byIds(ids));
  }
}
