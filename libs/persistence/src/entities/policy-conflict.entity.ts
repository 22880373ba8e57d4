import { Entity, Column, Index } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { PolicyVersionEntity } from './policy-version.entity';
import { ServiceEntity } from './service.entity';

/**
 * A weaker service clause, bound to the pair of versions compared. Its
 * resolution is written once (resolved_at) and never changed; OPEN, RESOLVED
 * and SUPERSEDED as of an instant are derived from the times.
 */
@Entity('policy_conflicts')
@Index('UQ_policy_conflicts_pair_subject', ['globalVersionId', 'serviceVersionId', 'topic', 'subject'], { unique: true })
@Index('IDX_policy_conflicts_service', ['serviceId'])
@Index('IDX_policy_conflicts_service_version', ['serviceVersionId'])
@Index('IDX_policy_conflicts_resolved_at', ['resolvedAt'])
@Index('IDX_policy_conflicts_resolved_by', ['resolvedBy'])
@Index('IDX_policy_conflicts_carried_from', ['carriedFromId'])
export class PolicyConflictEntity {
  @IdColumn() id: string;
  @RefColumn('service_id') serviceId: string;
  @RefColumn('global_version_id') globalVersionId: string;
  @RefColumn('service_version_id') serviceVersionId: string;
  @Column('varchar', { length: 20 }) topic: string;
  @ByteColumn(250) subject: string;
  @Column('varchar', { length: 40, name: 'global_value' }) globalValue: string;
  @Column('varchar', { length: 40, name: 'service_value' }) serviceValue: string;
  /** JSON: [{ key, sensitive }] of the categories the subject governs. */
  @Column('text', { name: 'governed_categories' }) governedCategories: string;
  @InstantColumn('created_at') createdAt: Date;
  @ByteColumn(36, { name: 'carried_from_id', nullable: true }) carriedFromId: string | null;
  @Column('varchar', { length: 20, nullable: true }) resolution: string | null;
  @Column('text', { nullable: true }) rationale: string | null;
  @ByteColumn(36, { name: 'resolved_by', nullable: true }) resolvedBy: string | null;
  @InstantColumn('resolved_at', { nullable: true }) resolvedAt: Date | null;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_policy_conflicts_service') service?: ServiceEntity;
  @RelationOver(() => PolicyVersionEntity, 'global_version_id', 'FK_policy_conflicts_global_version') globalVersion?: PolicyVersionEntity;
  @RelationOver(() => PolicyVersionEntity, 'service_version_id', 'FK_policy_conflicts_service_version') serviceVersion?: PolicyVersionEntity;
}
