import { normaliseRecipients } from '@canopy/domain';
import { ServiceEntity } from '@canopy/persistence';
import { belongsTo, isOfficer, Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, forbidden, notFound } from '../../common/errors';
import { appendAuditEvent } from '../audit';

/**
 * What a service's notices need (DESIGN.md section 8): whether its policy is
 * served on the public pages, and where its notice e-mails go. The owning
 * team's engineers or a privacy officer set them.
 */
export class ServiceNoticeSettings {
  constructor(private readonly db: Database) {}

  async setPublic(actor: Viewer, serviceKey: string, value: boolean): Promise<ServiceEntity> {
    return this.change(actor, serviceKey, 'service.public_set', (row) => (row.public === value ? null : { public: value }));
  }

  async setNoticeRecipients(actor: Viewer, serviceKey: string, values: readonly string[]): Promise<ServiceEntity> {
    const { recipients, problems } = normaliseRecipients(values);
    const current = await this.db.manager.findOneBy(ServiceEntity, { key: String(serviceKey).slice(0, 63) });
    if (current) assertMayChange(actor, current);
    if (problems.length) {
      throw badInput(`Notice recipients: ${problems.map((p) => `"${p.value.slice(0, 100)}" ${p.problem}`).join('; ')}.`, {
        argument: 'recipients',
        problems: problems.slice(0, 50),
      });
    }
    return this.change(actor, serviceKey, 'service.notice_recipients_set', (row) =>
      JSON.stringify(row.noticeRecipients ?? []) === JSON.stringify(recipients) ? null : { noticeRecipients: recipients },
    );
  }

  private async change(
    actor: Viewer,
    serviceKey: string,
    action: string,
    changesOf: (row: ServiceEntity) => Pick<Partial<ServiceEntity>, 'public' | 'noticeRecipients'> | null,
  ): Promise<ServiceEntity> {
    return this.db.write(async (tx, now) => {
      const row = await tx.findOneBy(ServiceEntity, { key: String(serviceKey).slice(0, 63) });
      if (!row) throw notFound('Service', serviceKey);
      assertMayChange(actor, row);
      const changes = changesOf(row);
      if (!changes) return row; // nothing to change: no audit event
      const before = { public: row.public, noticeRecipients: row.noticeRecipients ?? [] };
      await tx.update(ServiceEntity, { id: row.id }, { ...changes, updatedAt: now });
      Object.assign(row, changes, { updatedAt: now });
      await appendAuditEvent(tx, now, actor, {
        action,
        entityType: 'service',
        entityId: row.key,
        before,
        after: { public: row.public, noticeRecipients: row.noticeRecipients ?? [] },
      });
      return row;
    });
  }
}

function assertMayChange(actor: Viewer, service: ServiceEntity): void {
  if (!isOfficer(actor) && !belongsTo(actor, service.teamId)) {
    throw forbidden(`Only the owning team or a privacy officer may change the notice settings of "${service.key}".`);
  }
}
