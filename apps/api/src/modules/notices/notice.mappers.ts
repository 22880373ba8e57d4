import type { NoticeEntity, OutboxMessageEntity } from '@canopy/persistence';
import type { NoticeChannel } from '../policies';
import { Notice, NoticeDelivery } from './notice.types';

export const toNotice = (row: NoticeEntity): Notice =>
  Object.assign(new Notice(), {
    id: row.id,
    channels: row.channels as NoticeChannel[],
    issuedAt: row.issuedAt,
    plannedEffectiveAt: row.plannedEffectiveAt,
    text: row.text,
    voided: row.voidedAt !== null,
    policyVersionId: row.policyVersionId,
    issuedById: row.issuedBy,
  });

/** E-mails are outbox rows; the banner is delivered by being in the feed from the moment the notice is issued. */
export function toNoticeDeliveries(notice: Notice, emails: readonly OutboxMessageEntity[]): NoticeDelivery[] {
  const deliveries = emails.map((m) =>
    Object.assign(new NoticeDelivery(), { channel: 'EMAIL', recipient: m.recipient, status: m.status, attempts: m.attempts, lastError: m.lastError, sentAt: m.sentAt }),
  );
  if (notice.channels.includes('HOMEPAGE_BANNER')) {
    deliveries.push(Object.assign(new NoticeDelivery(), { channel: 'HOMEPAGE_BANNER', recipient: 'homepage', status: 'SENT', attempts: 1, lastError: null, sentAt: notice.issuedAt }));
  }
  return deliveries;
}
