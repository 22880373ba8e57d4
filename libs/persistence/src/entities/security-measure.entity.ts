import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { ServiceEntity } from './service.entity';

/**
 * One technical or organisational security measure of a service (GDPR Art.
 * 30(1)(g)), kept as history like inventory items: valid from `valid_from`
 * until `valid_to` (NULL = current). Replacing a service's measures closes the
 * current rows and inserts the new list; only `valid_to` is ever updated, so
 * the measures of any past instant can be read back for the record of
 * processing activities.
 */
@Entity('service_security_measures')
@Index('IDX_security_measures_service_valid_to', ['serviceId', 'validTo'])
@Index('IDX_security_measures_service_valid_from', ['serviceId', 'validFrom'])
export class SecurityMeasureEntity {
  @IdColumn() id: string;
  @RefColumn('service_id') serviceId: string;
  @Column('varchar', { length: 500 }) measure: string;
  /** Order within the list, from 0. */
  @Column('integer') position: number;
  @InstantColumn('valid_from') validFrom: Date;
  @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_security_measures_service') service?: ServiceEntity;
}
