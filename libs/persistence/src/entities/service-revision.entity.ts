import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from './columns';
import { ServiceEntity } from './service.entity';
import { TeamEntity } from './team.entity';

/**
 * One version of a service's descriptive fields (name, description, team,
 * lifecycle, serves minors; its key and creation never change), valid from
 * `valid_from` until `valid_to` (NULL = current), like inventory items and
 * arrangement revisions: the services of any instant are the revisions valid
 * then. Written in the same transaction as the change; only `valid_to` is
 * ever set afterwards. Notice settings (public page, recipients) are not kept.
 */
@Entity('service_revisions')
@Index('UQ_service_revisions_version', ['serviceId', 'version'], { unique: true })
@Index('IDX_service_revisions_valid_from', ['validFrom'])
@Index('IDX_service_revisions_valid_to', ['validTo'])
@Index('IDX_service_revisions_team', ['teamId'])
export class ServiceRevisionEntity {
  @IdColumn() id: string;
  @RefColumn('service_id') serviceId: string;
  @Column('integer') version: number;
  @Column('varchar', { length: 200 }) name: string;
  @Column('text', { nullable: true }) description: string | null;
  @RefColumn('team_id') teamId: string;
  @Column('varchar', { length: 20 }) lifecycle: string;
  @Column('boolean', { name: 'serves_minors' }) servesMinors: boolean;
  @InstantColumn('valid_from') validFrom: Date;
  @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;

  @ManyToOne(() => ServiceEntity)
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'FK_service_revisions_service' })
  service?: ServiceEntity;

  @ManyToOne(() => TeamEntity)
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_service_revisions_team' })
  team?: TeamEntity;
}

/** The revision that keeps `row` as it is from `validFrom` (the id is the caller's: a fresh UUID). */
export const serviceRevisionOf = (id: string, row: ServiceEntity, validFrom: Date): ServiceRevisionEntity =>
  Object.assign(new ServiceRevisionEntity(), {
    id,
    serviceId: row.id,
    version: row.version,
    name: row.name,
    description: row.description,
    teamId: row.teamId,
    lifecycle: row.lifecycle,
    servesMinors: row.servesMinors,
    validFrom,
    validTo: null,
  });

/** The service as a revision describes it: the current row's immutable fields, the revision's others. */
export const serviceAsOf = (row: ServiceEntity, revision: ServiceRevisionEntity): ServiceEntity =>
  Object.assign(new ServiceEntity(), row, {
    version: revision.version,
    name: revision.name,
    description: revision.description,
    teamId: revision.teamId,
    lifecycle: revision.lifecycle,
    servesMinors: revision.servesMinors,
    team: undefined,
  });
