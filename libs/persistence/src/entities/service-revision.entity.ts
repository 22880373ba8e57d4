import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RefColumn } from './columns';
import { historyOf, RevisionColumns } from './revision';
import { ServiceEntity } from './service.entity';
import { SERVICE_FIELDS, ServiceFields } from './service.fields';
import { TeamEntity } from './team.entity';

/**
 * One version of a service's fields (name, description, team, lifecycle,
 * serves minors; its key and creation never change), valid from
 * `valid_from` until `valid_to` (NULL = current), like inventory items and
 * arrangement revisions: the services of any instant are the revisions valid
 * then. Written in the same transaction as the change; only `valid_to` is
 * ever set afterwards. Notice settings (public page, recipients) are not kept.
 */
@Entity('service_revisions')
@Index('UQ_service_revisions_version', ['serviceId', 'version'], { unique: true })
@Index('IDX_service_revisions_valid_to', ['validTo'])
@Index('IDX_service_revisions_team', ['teamId'])
export class ServiceRevisionEntity extends RevisionColumns(ServiceFields) {
  @RefColumn('service_id') serviceId: string;
  @ManyToOne(() => ServiceEntity) @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'FK_service_revisions_service' }) service?: ServiceEntity;
  @ManyToOne(() => TeamEntity) @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_service_revisions_team' }) team?: TeamEntity;
}

/** serviceRevisionOf(id, row, validFrom): the revision keeping `row` from `validFrom`; serviceAsOf(row, revision): the service as it was then. */
export const { revisionOf: serviceRevisionOf, asOf: serviceAsOf } = historyOf(ServiceRevisionEntity, ServiceEntity, SERVICE_FIELDS, 'serviceId');
