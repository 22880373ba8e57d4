import { EntityManager, In } from 'typeorm';
import { DeliveryStatus, leanSelect, OutboxMessageEntity, placeholders } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { pageSize } from '../../common/pagination';
import { inChunks } from '../../common/batch';

export const NO_SMTP = 'not sent: no SMTP server is configured (CANOPY_SMTP_URL); kept until one is';

/** A message given up after its last attempt, and what it was for. */
export type FailedDelivery = Pick<
  OutboxMessageEntity,
  'id' | 'messageId' | 'kind' | 'recipient' | 'eventType' | 'causeType' | 'causeId' | 'serviceId' | 'attempts' | 'lastError' | 'createdAt'
>;

const FAILED_FIELDS = {
  id: true,
  messageId: true,
  kind: true,
  recipient: true,
  eventType: true,
  causeType: true,
  causeId: true,
  serviceId: true,
  attempts: true,
  lastError: true,
  createdAt: true,
} satisfies Record<keyof FailedDelivery, true>;
const FAILED_PROPERTIES = Object.keys(FAILED_FIELDS) as (keyof FailedDelivery)[];

/** Reading the outbox: the admins' list, and the failures a NOTICE_UNDELIVERED finding reports. */
export class OutboxQueries {
  constructor(
    private readonly db: Database,
    private readonly settings: { smtpConfigured: boolean },
  ) {}

  /** Newest first, optionally of one status. */
  list(status: DeliveryStatus | null, first: number): Promise<OutboxMessageEntity[]> {
    return this.db.manager.find(OutboxMessageEntity, {
      where: status ? { status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: pageSize(first),
    });
  }

  waitingReason(row: OutboxMessageEntity): string | null {
    if (row.status !== 'PENDING') return null;
    if (row.kind === 'EMAIL' && !this.settings.smtpConfigured) return NO_SMTP;
    return row.lastError ? `retrying after: ${row.lastError}` : null;
  }

  /**
   * FAILED messages caused by the given things (e.g. causeType "notice" and
   * the notices' ids), in one statement per chunk. NOTICE_UNDELIVERED reads
   * its facts through failedNoticeEmails, which also drops voided notices.
   */
  failedFor(manager: EntityManager, causeType: string, causeIds: readonly string[]): Promise<FailedDelivery[]> {
    return inChunks([...new Set(causeIds)], (ids) =>
      manager.find(OutboxMessageEntity, { select: FAILED_FIELDS, where: { status: 'FAILED', causeType, causeId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }
}

/**
 * FAILED e-mails of notices still standing (not voided by a new draft, not
 * deleted with a discarded one) about the given services ('all': every
 * service), with those of GLOBAL notices (no service): the facts of
 * NOTICE_UNDELIVERED, one statement per chunk of services.
 */
export function failedNoticeEmails(manager: EntityManager, serviceIds: readonly string[] | 'all'): Promise<FailedDelivery[]> {
  const standing = "status = 'FAILED' AND kind = 'EMAIL' AND cause_type = 'notice' AND EXISTS (SELECT 1 FROM notices n WHERE n.id = cause_id AND n.voided_at IS NULL)";
  const find = (ids: readonly string[] | null) =>
    leanSelect(manager, OutboxMessageEntity, ids ? `${standing} AND (service_id IN ${placeholders(ids.length)} OR service_id IS NULL)` : standing, ids ?? [], 'created_at, id', FAILED_PROPERTIES);
  if (serviceIds === 'all') return find(null);
  // Each chunk reads the GLOBAL notices' failures again: keep them once.
  return inChunks([...new Set(serviceIds)], find).then((rows) => [...new Map(rows.map((r) => [r.id, r])).values()]);
}
