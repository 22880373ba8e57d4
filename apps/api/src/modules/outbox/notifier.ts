import type { EntityManager } from 'typeorm';
import { emailAddressProblem, mergeRecipients, notificationAudience, type NotificationEvent } from '@canopy/domain';
import { TeamMemberEntity, UserEntity, ServiceEntity } from '@canopy/persistence';
import type { Outbox } from './outbox';
import type { MessageCause } from './outbox.message';

/** One of the five events of DESIGN.md section 8, as the mutation that causes it describes it. */
export interface Notification {
  event: NotificationEvent;
  /** The services the event is about; none for the GLOBAL policy. */
  serviceIds: readonly string[];
  subject: string;
  /** Plain text of the e-mail; links built with Outbox.link(). */
  text: string;
  /** The `data` of the webhook delivery. */
  data: unknown;
  cause?: MessageCause | null;
}

/**
 * Writes a notification to the outbox in the causing mutation's transaction:
 * the webhook event, and one e-mail per person told (officers for review
 * events, the engineers of the services' teams): two reads, whatever the
 * number of services.
 */
export class Notifier {
  constructor(private readonly outbox: Outbox) {}

  async notify(tx: EntityManager, now: Date, notification: Notification): Promise<void> {
    const serviceId = notification.serviceIds.length === 1 ? notification.serviceIds[0] : null;
    const links = { serviceId, cause: notification.cause ?? null };
    await this.outbox.enqueue(tx, { kind: 'EVENT', event: notification.event, data: notification.data, occurredAt: now, ...links }, now);
    const to = await this.audienceOf(tx, notification);
    if (to.length) await this.outbox.enqueue(tx, { kind: 'EMAIL', to, subject: notification.subject, text: notification.text, event: notification.event, ...links }, now);
  }

  link(path: string): string {
    return this.outbox.link(path);
  }

  private async audienceOf(tx: EntityManager, notification: Notification): Promise<string[]> {
    const audience = notificationAudience(notification.event, notification.serviceIds.length > 0);
    const query = tx.createQueryBuilder(UserEntity, 'u').select(['u.id', 'u.email', 'u.roles']).where('u.active = :active', { active: true });
    const lists: string[][] = [];
    if (audience.officers) {
      const users = await query.clone().andWhere('u.roles LIKE :officer', { officer: '%PRIVACY_OFFICER%' }).orderBy('u.email', 'ASC').getMany();
      lists.push(users.filter((u) => u.roles.includes('PRIVACY_OFFICER')).map((u) => u.email));
    }
    if (audience.teamEngineers && notification.serviceIds.length) {
      const users = await query
        .clone()
        .innerJoin(TeamMemberEntity, 'm', 'm.user_id = u.id')
        .innerJoin(ServiceEntity, 's', 's.team_id = m.team_id')
        .andWhere('s.id IN (:...serviceIds)', { serviceIds: [...notification.serviceIds] })
        .orderBy('u.email', 'ASC')
        .getMany();
      lists.push(users.filter((u) => u.roles.includes('ENGINEER')).map((u) => u.email));
    }
    // Canopy sends only to bare addresses; an account whose address is not one is skipped, never an error.
    return mergeRecipients(lists).filter((address) => emailAddressProblem(address) === null);
  }
}
