import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, KeyColumn, RefColumn, RelationOver } from './columns';
import { ServiceEntity } from './service.entity';

@Entity('policies')
@Index('UQ_policies_key', ['key'], { unique: true })
@Index('UQ_policies_service', ['serviceId'], { unique: true })
@Index('UQ_policies_global', ['globalMarker'], { unique: true })
@Index('IDX_policies_scope', ['scope'])
export class PolicyEntity {
  @IdColumn() id: string;
  @KeyColumn() key: string;
  @Column('varchar', { length: 200 }) title: string;
  @Column('varchar', { length: 10 }) scope: string;
  @RefColumn('service_id', { nullable: true }) serviceId: string | null;
  /** 'GLOBAL' on the one global policy, NULL otherwise: the unique index allows one organisation-wide policy. */
  @Column('varchar', { length: 10, name: 'global_marker', nullable: true }) globalMarker: string | null;
  @InstantColumn('created_at') createdAt: Date;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_policies_service') service?: ServiceEntity;
}
