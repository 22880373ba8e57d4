import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { PolicyVersionEntity } from './policy-version.entity';
import { UserEntity } from './user.entity';

/**
 * A notice Canopy issued for a policy version (DESIGN.md section 8): its
 * `issuedAt` is the server's clock, its text was generated when it was
 * issued, and its e-mails are outbox rows caused by ("notice", id). Drafting
 * the version again voids it (voided_at).
 */
@Entity('notices')
@Index('IDX_notices_version', ['policyVersionId'])
@Index('IDX_notices_service', ['serviceId', 'issuedAt'])
@Index('IDX_notices_issued_at', ['issuedAt'])
export class NoticeEntity {
  @IdColumn() id: string;
  @RefColumn('policy_version_id') policyVersionId: string;
  /** The service of a SERVICE policy; null for the GLOBAL policy. */
  @RefColumn('service_id', { nullable: true }) serviceId: string | null;
  /** e.g. ["EMAIL","HOMEPAGE_BANNER"]. */
  @Column('simple-json') channels: string[];
  @InstantColumn('issued_at') issuedAt: Date;
  @InstantColumn('planned_effective_at') plannedEffectiveAt: Date;
  @RefColumn('issued_by', { nullable: true }) issuedBy: string | null;
  @Column('text') text: string;
  @InstantColumn('voided_at', { nullable: true }) voidedAt: Date | null;

  @RelationOver(() => PolicyVersionEntity, 'policy_version_id', 'FK_notices_version') version?: PolicyVersionEntity;
  @RelationOver(() => UserEntity, 'issued_by', 'FK_notices_issued_by', { nullable: true }) issuer?: UserEntity | null;
}
