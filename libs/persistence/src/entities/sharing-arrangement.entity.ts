import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { ProcessorEntity } from './processor.entity';
import { ServiceEntity } from './service.entity';
import { UserEntity } from './user.entity';

/**
 * The current state of a data-sharing arrangement. Every change bumps
 * `version` through a conditional UPDATE (`WHERE id = ? AND version = ?`) and
 * writes a row to sharing_arrangement_revisions, which keeps the history.
 */
@Entity('sharing_arrangements')
@Index('IDX_sharing_arrangements_service_status', ['serviceId', 'status'])
@Index('IDX_sharing_arrangements_processor', ['processorId'])
@Index('IDX_sharing_arrangements_status', ['status'])
@Index('IDX_sharing_arrangements_requested_by', ['requestedBy'])
@Index('IDX_sharing_arrangements_decided_by', ['decidedBy'])
export class SharingArrangementEntity {
  @IdColumn() id: string;
  @RefColumn('service_id') serviceId: string;
  @RefColumn('processor_id') processorId: string;
  /** JSON array of data-category keys. */
  @Column('simple-json', { name: 'data_categories' }) dataCategories: string[];
  /** JSON array of data-use keys. */
  @Column('simple-json') purposes: string[];
  @Column('varchar', { length: 30, name: 'legal_basis' }) legalBasis: string;
  @Column('varchar', { length: 20 }) status: string;
  @RefColumn('requested_by') requestedBy: string;
  @Column('integer', { name: 'required_approvals' }) requiredApprovals: number;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason: string | null;
  @RefColumn('decided_by', { nullable: true }) decidedBy: string | null;
  @Column('integer') version: number;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
  @InstantColumn('submitted_at', { nullable: true }) submittedAt: Date | null;
  @InstantColumn('decided_at', { nullable: true }) decidedAt: Date | null;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_sharing_arrangements_service') service?: ServiceEntity;
  @RelationOver(() => ProcessorEntity, 'processor_id', 'FK_sharing_arrangements_processor') processor?: ProcessorEntity;
  @RelationOver(() => UserEntity, 'requested_by', 'FK_sharing_arrangements_requested_by') requester?: UserEntity;
  @RelationOver(() => UserEntity, 'decided_by', 'FK_sharing_arrangements_decided_by') decider?: UserEntity;
}
