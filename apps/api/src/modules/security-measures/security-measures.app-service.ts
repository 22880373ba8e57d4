import { EntityManager, IsNull } from 'typeorm';
import { SecurityMeasureEntity, ServiceEntity } from '@canopy/persistence';
import { Viewer, belongsTo, isOfficer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { forbidden, notFound } from '../../common/errors';
import { closeCurrentRows } from '../../common/history';
import { newId } from '../../common/ids';
import { appendAuditEvent } from '../audit';
import { measuresOf } from './security-measures.queries';
import { normaliseMeasures } from './security-measures.validation';

/** A service's security measures, current or as of an instant: what the record of processing reads. */
export interface SecurityMeasuresReader {
  of(serviceIds: readonly string[], at: Date | null, manager?: EntityManager): Promise<Map<string, string[]>>;
}

/**
 * A service's technical and organisational security measures (GDPR Art.
 * 30(1)(g)), replaced as a whole and kept as history. Same rights as the
 * inventory: the owning team's engineers and privacy officers. Replacing them
 * with the same list writes nothing and no audit event.
 */
export class SecurityMeasuresService implements SecurityMeasuresReader {
  constructor(private readonly db: Database) {}

  async replace(actor: Viewer, serviceKey: string, measures: readonly string[]): Promise<{ service: ServiceEntity; changed: boolean }> {
    const service = await this.db.manager.findOneBy(ServiceEntity, { key: String(serviceKey).slice(0, 63) });
    if (service && !isOfficer(actor) && !belongsTo(actor, service.teamId)) {
      throw forbidden(`Only the owning team or a privacy officer may change the security measures of "${service.key}".`);
    }
    const next = normaliseMeasures(measures);
    if (!service) throw notFound('Service', serviceKey);

    return this.db.write(async (tx, now) => {
      await this.lockService(tx, service.id);
      const current = await tx.find(SecurityMeasureEntity, { where: { serviceId: service.id, validTo: IsNull() }, order: { position: 'ASC' } });
      const before = current.map((r) => r.measure);
      if (before.join('\u0000') === next.join('\u0000') && before.length === next.length) return { service, changed: false };
      const validFrom = new Date(Math.max(now.getTime(), ...current.map((r) => r.validFrom.getTime() + 1)));
      if (current.length) {
        await closeCurrentRows(tx, SecurityMeasureEntity, 'service_id', service.id, validFrom);
      }
      if (next.length) {
        await tx.insert(
          SecurityMeasureEntity,
          next.map((measure, position) => ({ id: newId(), serviceId: service.id, measure, position, validFrom, validTo: null })),
        );
      }
      await appendAuditEvent(tx, now, actor, {
        action: 'security_measures.replaced',
        entityType: 'service',
        entityId: service.key,
        before: { measures: before },
        after: { measures: next },
      });
      return { service, changed: true };
    });
  }

  of(serviceIds: readonly string[], at: Date | null, manager: EntityManager = this.db.manager): Promise<Map<string, string[]>> {
    return measuresOf(manager, serviceIds, at);
  }

  /** Serialises concurrent replacements on MySQL (SQLite already queues writers). */
  private async lockService(tx: EntityManager, serviceId: string): Promise<void> {
    if (this.db.sqlite) return;
    await tx.findOne(ServiceEntity, { where: { id: serviceId }, lock: { mode: 'pessimistic_write' } });
  }
}
