import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, KeyColumn, RelationOver } from './columns';
import { ServiceFields } from './service.fields';
import { TeamEntity } from './team.entity';

@Entity('services')
@Index('UQ_services_key', ['key'], { unique: true })
@Index('IDX_services_team', ['teamId'])
@Index('IDX_services_lifecycle', ['lifecycle'])
export class ServiceEntity extends ServiceFields {
  @IdColumn() id: string;
  @KeyColumn() key: string;
  @Column('integer') version: number;
  /** +1 per inventory replacement that changes something (optimistic concurrency of `setInventory`). */
  @Column('integer', { name: 'inventory_version', default: 0 }) inventoryVersion: number;
  /** Served on the public policy pages (DESIGN.md section 8). */
  @Column('boolean', { name: 'public', default: false }) public: boolean;
  /** Where notice e-mails for this service go: normalised addresses; null until set. */
  @Column('simple-json', { name: 'notice_recipients', nullable: true }) noticeRecipients: string[] | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;

  @RelationOver(() => TeamEntity, 'team_id', 'FK_services_team') team?: TeamEntity;
}
