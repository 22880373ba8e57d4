import type { EntityManager } from 'typeorm';
import type { SharingStatus } from '@canopy/domain';
import { leanJoinSelectAlso, placeholders, SharingArrangementEntity, SharingArrangementRevisionEntity } from '@canopy/persistence';
import { validAt } from '../../common/history';
import { revisionToSharingArrangement, type SharingArrangement, toSharingArrangement } from '../sharing';

/** The arrangements the what-if looks at (the domain skips any other status too). */
const LIVE: SharingStatus[] = ['DRAFT', 'PENDING_REVIEW', 'APPROVED'];

/** One batch of live arrangements, in id order after `afterId` (a keyset: each batch one statement, whatever the offset). */
export interface LiveBatch {
  afterId: string | null;
  size: number;
}

/** Today's live arrangements of the batch. */
export async function liveNowBatch(m: EntityManager, batch: LiveBatch): Promise<SharingArrangement[]> {
  const after = batch.afterId === null ? [] : [batch.afterId];
  const rows = await leanJoinSelectAlso(m, SharingArrangementEntity, null, { select: {}, limit: batch.size }, `t.status IN ${placeholders(LIVE.length)}${after.length ? ' AND t.id > ?' : ''}`, [...LIVE, ...after], 't.id');
  return rows.map(({ row }) => toSharingArrangement(row));
}

/** The batch's arrangements live at `at`, as they stood then (the revision valid then; at most one per arrangement). */
export async function liveAtBatch(m: EntityManager, at: Date, batch: LiveBatch): Promise<SharingArrangement[]> {
  const query = validAt(
    m.createQueryBuilder(SharingArrangementRevisionEntity, 'r').innerJoinAndSelect('r.arrangement', 'a').where('r.status IN (:...statuses)', { statuses: LIVE }),
    'r',
    at,
  );
  if (batch.afterId !== null) query.andWhere('a.id > :afterId', { afterId: batch.afterId });
  const revisions = await query.orderBy('a.id', 'ASC').limit(batch.size).getMany();
  return revisions.map((revision) => revisionToSharingArrangement(revision, revision.arrangement as SharingArrangementEntity, at));
}
