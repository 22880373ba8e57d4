import { AuditEventEntity, ServiceEntity } from '@canopy/persistence';
import { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput } from '../../common/errors';
import { decodeCursor, encodeCursor, Page, pageSize, toPage } from '../../common/pagination';
import type { AuditEventFilter } from './audit.types';
import { AuditVerification, verifyAuditChain } from './audit-log';

const FULL_READERS = ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'];

/** Reading the audit log: auditors, officers and admins see all; an engineer its own teams' services. */
export class AuditQueries {
  constructor(private readonly db: Database) {}

  async events(
    viewer: Viewer,
    filter: AuditEventFilter | null | undefined,
    first: number,
    after: string | null | undefined,
    newestFirst = false,
  ): Promise<Page<AuditEventEntity>> {
    const limit = pageSize(first, 500);
    const afterSeq = after ? Number(decodeCursor<{ s: number }>(after, ['s']).s) : null;
    if (filter?.from && filter?.to && filter.from > filter.to) throw badInput('from must not be after to.', { argument: 'filter' });
    const query = this.db.manager.createQueryBuilder(AuditEventEntity, 'e');
    if (filter?.entityType) query.andWhere('e.entityType = :entityType', { entityType: filter.entityType });
    if (filter?.entityId) query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    if (filter?.actorEmail) query.andWhere('e.actorEmail = :actorEmail', { actorEmail: filter.actorEmail.trim().toLowerCase() });
    if (filter?.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter?.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter?.to) query.andWhere('e.at <= :to', { to: filter.to });
    if (!viewer.roles.some((r) => FULL_READERS.includes(r))) {
      const ownServices = this.db.manager
        .createQueryBuilder(ServiceEntity, 's')
        .select('s.key')
        .where('s.team_id IN (:...teamIds)', { teamIds: viewer.teamIds.length ? viewer.teamIds : [''] });
      query.andWhere(`e.entityType = 'service' AND e.entityId IN (${ownServices.getQuery()})`).setParameters(ownServices.getParameters());
    }
    const totalCount = await query.clone().getCount();
    if (afterSeq !== null && Number.isFinite(afterSeq)) query.andWhere(newestFirst ? 'e.seq < :afterSeq' : 'e.seq > :afterSeq', { afterSeq });
    const rows = await query.orderBy('e.seq', newestFirst ? 'DESC' : 'ASC').limit(limit + 1).getMany();
    return toPage(rows, limit, totalCount, (row) => encodeCursor({ s: row.seq }));
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.db.manager);
  }
}
