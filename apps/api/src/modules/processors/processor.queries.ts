import type { EntityManager } from 'typeorm';
import { type ProcessorEntity, processorAsOf, ProcessorRevisionEntity } from '@canopy/persistence';
import { inChunks } from '../../common/batch';
import { validAt } from '../../common/history';
import { type PagedList, pagedList } from '../../common/paged-list';

/**
 * Processors as they were at `at` (their revisions valid then, with the key
 * and creation of the current row), one statement per 10,000 ids ('all':
 * every processor, one statement). A processor registered after `at` is absent.
 */
export async function processorsAt(m: EntityManager, ids: readonly string[] | 'all', at: Date): Promise<ProcessorEntity[]> {
  const query = () => validAt(m.createQueryBuilder(ProcessorRevisionEntity, 'r').innerJoinAndSelect('r.processor', 'p'), 'r', at);
  const revisions =
    ids === 'all' ? await query().getMany() : await inChunks([...new Set(ids)], (chunk) => query().andWhere('r.processorId IN (:...chunk)', { chunk }).getMany());
  return revisions.map((r) => processorAsOf(r.processor as ProcessorEntity, r));
}

/** What processorsAt(m, 'all', at) answers, a page at a time in key order: one statement a page. */
export function processorsAtInPages(m: EntityManager, at: Date): PagedList<ProcessorEntity> {
  const query = () => validAt(m.createQueryBuilder(ProcessorRevisionEntity, 'r').innerJoinAndSelect('r.processor', 'p'), 'r', at);
  return pagedList(
    () => query().getCount(),
    async (after: string | null, limit) => {
      const page = query().orderBy('p.key', 'ASC').limit(limit);
      const revisions = await (after === null ? page : page.andWhere('p.key > :after', { after })).getMany();
      return revisions.map((r) => processorAsOf(r.processor as ProcessorEntity, r));
    },
    (processor) => processor.key,
  );
}
