import { EntityManager, In } from 'typeorm';
import { NoticeEntity, OutboxMessageEntity, PolicyVersionEntity } from '@canopy/persistence';
import { groupLoader, rowLoader } from '../../common/loader-helpers';

/** Per-request loaders of notices, their e-mail deliveries and the versions they are for. */
export function createNoticeLoaders(m: EntityManager) {
  return {
    noticesByVersionId: groupLoader<string, NoticeEntity>(
      (ids) => m.find(NoticeEntity, { where: { policyVersionId: In([...ids]) }, order: { issuedAt: 'DESC', id: 'ASC' } }),
      (n) => n.policyVersionId,
    ),
    noticeEmailsByNoticeId: groupLoader<string, OutboxMessageEntity>(
      (ids) => m.find(OutboxMessageEntity, { where: { causeType: 'notice', kind: 'EMAIL', causeId: In([...ids]) }, order: { recipient: 'ASC' } }),
      (row) => row.causeId as string,
    ),
    policyVersionById: rowLoader<string, PolicyVersionEntity>((ids) => m.findBy(PolicyVersionEntity, { id: In([...ids]) }), (v) => v.id),
  };
}

export type NoticeLoaders = ReturnType<typeof createNoticeLoaders>;
