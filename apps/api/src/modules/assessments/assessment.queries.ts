import { EntityManager, In } from 'typeorm';
import { AssessmentEntity, AssessmentRevisionEntity, leanSelect, placeholders } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { type RevisionFilter, revisionsWithOrigins, validAt } from '../../common/history';
import { afterCreated, afterCreatedParameters, createdKey, type PagedList, pagedList } from '../../common/paged-list';

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
    const ofKind = kind ? ' AND kind = ?' : '';
    return inChunks(serviceIds, (chunk) => leanSelect(this.m, AssessmentEntity, `service_id IN ${placeholders(chunk.length)}${ofKind}`, kind ? [...chunk, kind] : chunk, 'created_at, id'));
  }

  count(kind: string | null): Promise<number> {
    return this.m.count(AssessmentEntity, { where: kind ? { kind } : {} });
  }

  /** Assessments as they stood at `at` (their revisions then), each with its immutable origin, oldest first. */
  revisionsAt(filter: RevisionFilter, at: Date): Promise<{ revision: AssessmentRevisionEntity; origin: AssessmentEntity }[]> {
    return revisionsWithOrigins(this.m, AssessmentRevisionEntity, 'assessmentId', filter, at, (ids) => this.byIds(ids));
  }

  /** The revisions revisionsAt({ all: true }, at) answers, a page at a time (oldest assessment first): one statement a page, the origin joined. */
  revisionsAtInPages(at: Date): PagedList<AssessmentRevisionEntity> {
    const query = () => validAt(this.m.createQueryBuilder(AssessmentRevisionEntity, 'r').innerJoin('r.assessment', 'a'), 'r', at);
    return pagedList(
      () => query().getCount(),
      (after: { createdAt: Date; id: string } | null, limit) => {
        const page = query().addSelect(['a.id', 'a.createdAt']).orderBy('a.createdAt', 'ASC').addOrderBy('a.id', 'ASC').limit(limit);
        return (after ? page.andWhere(afterCreated('a'), afterCreatedParameters(after)) : page).getMany();
      },
      (revision) => createdKey(revision.assessment as AssessmentEntity),
    );
  }
}
