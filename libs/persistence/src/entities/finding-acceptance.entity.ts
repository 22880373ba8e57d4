import { Entity, Column, Index } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { ServiceEntity } from './service.entity';
import { UserEntity } from './user.entity';

/**
 * An officer's acceptance of a compliance finding of a service, identified by
 * (service, rule, data category), until `expires_at`. Never updated or
 * deleted: a renewal is a new row, the latest expiry wins.
 */
@Entity('finding_acceptances')
@Index('IDX_finding_acceptances_service_rule', ['serviceId', 'rule'])
@Index('IDX_finding_acceptances_expires_at', ['expiresAt'])
@Index('IDX_finding_acceptances_accepted_by', ['acceptedBy'])
export class FindingAcceptanceEntity {
  @IdColumn() id: string;
  @RefColumn('service_id') serviceId: string;
  @ByteColumn(40) rule: string;
  /** NULL for findings without a category (PROCESSOR_DPA_INVALID, CONFLICT_OPEN on `*`). */
  @ByteColumn(128, { name: 'data_category', nullable: true }) dataCategory: string | null;
  @Column('text') rationale: string;
  @InstantColumn('expires_at') expiresAt: Date;
  @RefColumn('accepted_by') acceptedBy: string;
  @InstantColumn('accepted_at') acceptedAt: Date;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_finding_acceptances_service') service?: ServiceEntity;
  @RelationOver(() => UserEntity, 'accepted_by', 'FK_finding_acceptances_accepted_by') acceptor?: UserEntity;
}
