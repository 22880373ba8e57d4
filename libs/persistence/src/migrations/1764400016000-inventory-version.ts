import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * `services.inventory_version`: the optimistic-concurrency counter of a
 * service's inventory, +1 per replacement that changes it, so an editor that
 * read the inventory can replace it only if nobody did in between
 * (`setInventory(expectedVersion:)`). Existing inventories start at 0.
 */
export class InventoryVersion1764400016000 implements MigrationInterface {
  name = 'InventoryVersion1764400016000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('services', new TableColumn({ name: 'inventory_version', type: 'integer', isNullable: false, default: 0 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('services', 'inventory_version');
  }
}
