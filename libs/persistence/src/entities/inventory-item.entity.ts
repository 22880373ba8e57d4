import { Entity, Column, Index } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { ServiceEntity } from './service.entity';

/**
 * One item of a service's data inventory, kept as history: a row is valid
 * from `valid_from` until `valid_to` (NULL = current). Replacing an inventory
 * closes the rows that changed and inserts new ones; a row is never updated
 * otherwise, so the inventory of any instant can be read back.
 */
@Entity('inventory_items')
@Index('IDX_inventory_items_service_valid_to', ['serviceId', 'validTo'])
@Index('IDX_inventory_items_service_valid_from', ['serviceId', 'validFrom'])
@Index('IDX_inventory_items_category', ['dataCategory'])
export class InventoryItemEntity {
  @IdColumn() id: string;
  @RefColumn('service_id') serviceId: string;
  @ByteColumn(128, { name: 'data_category' }) dataCategory: string;
  /** JSON array of data-use keys. */
  @Column('simple-json') purposes: string[];
  @Column('varchar', { length: 20 }) source: string;
  @Column('varchar', { length: 40, name: 'device_permission', nullable: true }) devicePermission: string | null;
  @Column('varchar', { length: 30, name: 'legal_basis' }) legalBasis: string;
  /** NULL = kept indefinitely. */
  @Column('integer', { name: 'retention_days', nullable: true }) retentionDays: number | null;
  @Column('varchar', { length: 30 }) encryption: string;
  @Column('boolean', { name: 'publicly_visible' }) publiclyVisible: boolean;
  /** JSON array of the categories of data subjects (customers, minors, ...), for the record of processing. */
  @Column('simple-json', { name: 'data_subjects', nullable: true }) dataSubjects: string[] | null;
  @InstantColumn('valid_from') validFrom: Date;
  @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_inventory_items_service') service?: ServiceEntity;
}
