import { EntityManager, In, IsNull } from 'typeorm';
import { DeliveryStatus, OutboxMessageEntity } from '@canopy/persistence';
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
   * the notices' ids), in one statement per chunk: the facts of NOTICE_UNDELIVERED.
   */
  failedFor(manager: EntityManager, causeType: string, causeIds: readonly string[]): Promise<FailedDelivery[]> {
    return inChunks([...new Set(causeIds)], (ids) =>
      manager.find(OutboxMessageEntity, { select: FAILED_FIELDS, where: { status: 'FAILED', causeType, causeId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  /** FAILED messages about the given services (every cause). */
  failedForServices(manager: EntityManager, serviceIds: readonly string[]): Promise<FailedDelivery[]> {
    return inChunks([...new Set(serviceIds)], (ids) =>
      manager.find(OutboxMessageEntity, { select: FAILED_FIELDS, where: { status: 'FAILED', serviceId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }
}

/**
 * FAILED notice e-mails (the facts of NOTICE_UNDELIVERED) about the given
 * services ('all': every service), with those of GLOBAL notices (no
 * service): one statement per chunk of services.
 */
export function failedNoticeEmails(manager: EntityManager, serviceIds: readonly string[] | 'all'): Promise<FailedDelivery[]> {
  const where = { status: 'FAILED' as const, kind: 'EMAIL' as const, causeType: 'notice' };
  const find = (serviceId: ReturnType<typeof In> | undefined) =>
    manager.find(OutboxMessageEntity, {
      select: FAILED_FIELDS,
      where: serviceId ? [{ ...where, serviceId }, { ...where, serviceId: IsNull() }] : where,
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  if (serviceIds === 'all') return find(undefined);
  // Each chunk reads the GLOBAL notices' failures again: keep them once.
  return inChunks([...new Set(serviceIds)], (ids) => find(In(ids))).then((rows) => [...new Map(rows.map((r) => [r.id, r])).values()]);
}
