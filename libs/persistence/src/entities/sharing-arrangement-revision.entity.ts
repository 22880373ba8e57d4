import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { ProcessorEntity } from './processor.entity';
import { ServiceEntity } from './service.entity';
import { SharingArrangementEntity } from './sharing-arrangement.entity';
import { UserEntity } from './user.entity';

/**
 * One version of a sharing arrangement: every mutable field of
 * sharing_arrangements (service, processor, requester and creation time never
 * change), valid from `valid_from` until `valid_to` (NULL = current). The
 * arrangements of any instant are the revisions valid then. Written in the
 * same transaction as the change; only `valid_to` is ever set afterwards.
 */
@Entity('sharing_arrangement_revisions')
@Index('UQ_sharing_revisions_version', ['arrangementId', 'version'], { unique: true })
@Index('IDX_sharing_revisions_service_valid_from', ['serviceId', 'validFrom'])
@Index('IDX_sharing_revisions_processor', ['processorId'])
@Index('IDX_sharing_revisions_changed_by', ['changedBy'])
@Index('IDX_sharing_revisions_decided_by', ['decidedBy'])
@Index('IDX_sharing_revisions_valid_to', ['validTo'])
export class SharingArrangementRevisionEntity {
  @IdColumn() id: string;
  @RefColumn('arrangement_id') arrangementId: string;
  @RefColumn('service_id') serviceId: string;
  @RefColumn('processor_id') processorId: string;
  @Column('integer') version: number;
  /** What made this version: proposed, updated, submitted, approved, rejected, revoked, withdrawn. */
  @Column('varchar', { length: 20 }) action: string;
  @Column('varchar', { length: 20 }) status: string;
  @Column('simple-json', { name: 'data_categories' }) dataCategories: string[];
  @Column('simple-json') purposes: string[];
  @Column('varchar', { length: 30, name: 'legal_basis' }) legalBasis: string;
  @Column('integer', { name: 'required_approvals' }) requiredApprovals: number;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason: string | null;
  @RefColumn('decided_by', { nullable: true }) decidedBy: string | null;
  @InstantColumn('submitted_at', { nullable: true }) submittedAt: Date | null;
  @InstantColumn('decided_at', { nullable: true }) decidedAt: Date | null;
  @RefColumn('changed_by') changedBy: string;
  @InstantColumn('valid_from') validFrom: Date;
  @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;

  @RelationOver(() => SharingArrangementEntity, 'arrangement_id', 'FK_sharing_revisions_arrangement') arrangement?: SharingArrangementEntity;
  @RelationOver(() => ServiceEntity, 'service_id', 'FK_sharing_revisions_service') service?: ServiceEntity;
  @RelationOver(() => ProcessorEntity, 'processor_id', 'FK_sharing_revisions_processor') processor?: ProcessorEntity;
  @RelationOver(() => UserEntity, 'changed_by', 'FK_sharing_revisions_changed_by') changer?: UserEntity;
  @RelationOver(() => UserEntity, 'decided_by', 'FK_sharing_revisions_decided_by') decider?: UserEntity;
}
