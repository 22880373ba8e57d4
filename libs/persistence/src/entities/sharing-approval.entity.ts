import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { SharingArrangementEntity } from './sharing-arrangement.entity';
import { UserEntity } from './user.entity';

/** One officer's approval of an arrangement: at most one per officer (four eyes), never deleted. */
@Entity('sharing_approvals')
@Index('UQ_sharing_approvals_approver', ['arrangementId', 'approverId'], { unique: true })
@Index('IDX_sharing_approvals_approver', ['approverId'])
export class SharingApprovalEntity {
  @IdColumn() id: string;
  @RefColumn('arrangement_id') arrangementId: string;
  @RefColumn('approver_id') approverId: string;
  /** The arrangement version this approval produced. */
  @Column('integer', { name: 'arrangement_version' }) arrangementVersion: number;
  @Column('text', { nullable: true }) comment: string | null;
  @InstantColumn('at') at: Date;

  @RelationOver(() => SharingArrangementEntity, 'arrangement_id', 'FK_sharing_approvals_arrangement') arrangement?: SharingArrangementEntity;
  @RelationOver(() => UserEntity, 'approver_id', 'FK_sharing_approvals_approver') approver?: UserEntity;
}
