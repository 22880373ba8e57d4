import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn } from './columns';
import { PolicyEntity } from './policy.entity';

/**
 * A version of a policy: one DRAFT at most (its clauses may be replaced), and
 * PUBLISHED versions, which never change. in_force_from = max(effectiveAt,
 * publishedAt), kept so "in force at T" is one indexed comparison.
 */
@Entity('policy_versions')
@Index('UQ_policy_versions_number', ['policyId', 'number'], { unique: true })
@Index('IDX_policy_versions_in_force', ['policyId', 'status', 'inForceFrom'])
@Index('IDX_policy_versions_published_by', ['publishedBy'])
export class PolicyVersionEntity {
  @IdColumn() id: string;
  @RefColumn('policy_id') policyId: string;
  @Column('integer') number: number;
  @Column('varchar', { length: 10 }) status: string;
  @InstantColumn('effective_at', { nullable: true }) effectiveAt: Date | null;
  @InstantColumn('published_at', { nullable: true }) publishedAt: Date | null;
  @InstantColumn('in_force_from', { nullable: true }) inForceFrom: Date | null;
  @ByteColumn(36, { name: 'published_by', nullable: true }) publishedBy: string | null;
  /** JSON array of NoticeChannel. */
  @Column('varchar', { length: 100, name: 'notice_channels', nullable: true }) noticeChannels: string | null;
  @InstantColumn('notice_at', { nullable: true }) noticeAt: Date | null;
  /** A notice sent outside Canopy: the reference or URL that proves it. */
  @Column('varchar', { length: 2000, name: 'notice_evidence', nullable: true }) noticeEvidence: string | null;
  @Column('boolean', { name: 'material_reduction' }) materialReduction: boolean;
  /** JSON array of the concrete subjects that got weaker. */
  @Column('text', { name: 'weakened_subjects', nullable: true }) weakenedSubjects: string | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;

  @ManyToOne(() => PolicyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'FK_policy_versions_policy' })
  policy?: PolicyEntity;
}
