import { EntityManager, IsNull } from 'typeorm';
import { InventoryItemEntity, itemSnapshot, ServiceEntity } from '@canopy/persistence';
import { Viewer, belongsTo, isOfficer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, forbidden, notFound, versionConflict } from '../../common/errors';
import { newId } from '../../common/ids';
import { appendAuditEvent } from '../audit';
import { loadTaxonomy } from '../taxonomy';
import type { InventoryItemInput } from './inventory.inputs';
import { ItemFacts, itemSignature, validateInventory } from './inventory.validation';
import { inBatches } from '../../common/batch';

export interface InventoryChange {
  service: ServiceEntity;
  added: number;
  removed: number;
  kept: number;
}

/**
 * Replacing a service's inventory, all or nothing, as history: items whose
 * facts are unchanged stay open, the others are closed (valid_to = now) and
 * the new ones inserted (valid_from = now). Nothing is updated in place
 * except valid_to. The service's own `version` is not bumped: the inventory
 * is its own record, audited as `inventory.replaced` on the service, with its
 * own counter (`inventoryVersion`, +1 per replacement that changes
 * something). With `expectedVersion`, a replacement that started from an
 * older inventory is VERSION_CONFLICT and changes nothing (an editor that
 * read the list must not silently undo someone else's edit).
 */
export class InventoryService {
  constructor(private readonly db: Database) {}

  async replace(actor: Viewer, serviceKey: string, items: InventoryItemInput[], expectedVersion: number | null = null): Promise<InventoryChange> {
    const service = await this.db.manager.findOneBy(ServiceEntity, { key: String(serviceKey).slice(0, 63) });
    if (service && !isOfficer(actor) && !belongsTo(actor, service.teamId)) {
      throw forbidden(`Only the owning team or a privacy officer may change the inventory of "${service.key}".`);
    }
    const facts = validateInventory(items, await loadTaxonomy(this.db.manager));
    if (expectedVersion !== null && (!Number.isInteger(expectedVersion) || expectedVersion < 0)) {
      throw badInput('expectedVersion must be the inventoryVersion the edit started from (0 or more).', { argument: 'expectedVersion' });
    }
    if (!service) throw notFound('Service', serviceKey);

    return this.db.write(async (tx, now) => {
      await this.lockService(tx, service.id);
      const { inventoryVersion } = await tx.findOneOrFail(ServiceEntity, { where: { id: service.id }, select: { id: true, inventoryVersion: true } });
      if (expectedVersion !== null && expectedVersion !== inventoryVersion) {
        throw versionConflict(`The inventory of "${service.key}"`, expectedVersion, inventoryVersion);
      }
      service.inventoryVersion = inventoryVersion;
      const current = await tx.find(InventoryItemEntity, { where: { serviceId: service.id, validTo: IsNull() } });
      const remaining = new Map<string, InventoryItemEntity[]>();
      for (const row of current) {
        const signature = itemSignature(row);
        remaining.set(signature, [...(remaining.get(signature) ?? []), row]);
      }
      const toInsert: ItemFacts[] = [];
      let kept = 0;
      for (const item of facts) {
        const match = remaining.get(itemSignature(item))?.pop();
        if (match) kept++;
        else toInsert.push(item);
      }
      const toClose = [...remaining.values()].flat();
      if (toInsert.length === 0 && toClose.length === 0) return { service, added: 0, removed: 0, kept };

      // Never let a row start before the one it follows (clock skew between API servers).
      const validFrom = new Date(Math.max(now.getTime(), ...current.map((r) => r.validFrom.getTime() + 1)));
      await inBatches(toClose, 500, (batch) =>
        tx
          .createQueryBuilder()
          .update(InventoryItemEntity)
          .set({ validTo: validFrom })
          .where('id IN (:...ids) AND valid_to IS NULL', { ids: batch.map((r) => r.id) })
          .execute(),
      );
      const rows = toInsert.map((item) => tx.create(InventoryItemEntity, { ...item, id: newId(), serviceId: service.id, validFrom, validTo: null }));
      await inBatches(rows, 200, (batch) => tx.insert(InventoryItemEntity, batch));
      service.inventoryVersion = inventoryVersion + 1;
      await tx.update(ServiceEntity, { id: service.id }, { inventoryVersion: service.inventoryVersion });

      await appendAuditEvent(tx, now, actor, {
        action: 'inventory.replaced',
        entityType: 'service',
        entityId: service.key,
        before: { items: current.map(itemSnapshot) },
        after: { items: facts.map(itemSnapshot), added: toInsert.length, removed: toClose.length, kept },
      });
      return { service, added: toInsert.length, removed: toClose.length, kept };
    });
  }

  /** Serialises concurrent replacements of one service's inventory (SQLite already queues writers). */
  private async lockService(tx: EntityManager, serviceId: string): Promise<void> {
    if (this.db.sqlite) return;
    await tx.findOne(ServiceEntity, { where: { id: serviceId }, lock: { mode: 'pessimistic_write' } });
  }
}
