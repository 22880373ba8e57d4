import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ByteColumn, IdColumn, RefColumn } from './columns';
import { PolicyVersionEntity } from './policy-version.entity';

@Entity('policy_clauses')
@Index('UQ_policy_clauses_subject', ['versionId', 'topic', 'subject'], { unique: true })
export class PolicyClauseEntity {
  @IdColumn() id: string;
  @RefColumn('version_id') versionId: string;
  @Column('integer') position: number;
  @Column('varchar', { length: 20 }) topic: string;
  @ByteColumn(250) subject: string;
  @Column('varchar', { length: 40 }) value: string;
  @Column('boolean') locked: boolean;
  @Column('text', { nullable: true }) text: string | null;

  @ManyToOne(() => PolicyVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_policy_clauses_version' })
  version?: PolicyVersionEntity;
}
