import type { EntityManager } from 'typeorm';
import { ProcessorEntity, ServiceEntity, type SharingArrangementEntity } from '@canopy/persistence';
import type { Notifier } from '../outbox';

/**
 * sharing.submitted (officers review it; the owning team hears) and
 * sharing.decided (the owning team hears), written to the outbox in the
 * transaction of the change (DESIGN.md section 8).
 */
export async function notifySharing(notifier: Notifier, tx: EntityManager, now: Date, row: SharingArrangementEntity, event: 'sharing.submitted' | 'sharing.decided'): Promise<void> {
  const service = await tx.findOneOrFail(ServiceEntity, { where: { id: row.serviceId }, select: { id: true, key: true, name: true } });
  const processor = await tx.findOneOrFail(ProcessorEntity, { where: { id: row.processorId }, select: { id: true, key: true, name: true } });
  const what = `sharing of ${row.dataCategories.join(', ')} by ${service.name} with ${processor.name}`;
  const subject = event === 'sharing.submitted' ? `Review requested: ${what}` : `Decided (${row.status}): ${what}`;
  const link = notifier.link(`/sharing/${row.id}`);
  const text =
    event === 'sharing.submitted'
      ? `The ${what} (purposes: ${row.purposes.join(', ')}) awaits review.\n\nReview it: ${link}`
      : `The ${what} is now ${row.status}${row.decisionReason ? `: ${row.decisionReason}` : ''}.\n\nSee it: ${link}`;
  const data = { arrangementId: row.id, serviceKey: service.key, processorKey: processor.key, status: row.status, version: row.version };
  await notifier.notify(tx, now, { event, serviceIds: [service.id], subject: subject.slice(0, 300), text, data, cause: { type: 'sharing', id: row.id } });
}
