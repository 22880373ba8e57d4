import { Entity, Column, Index } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { UserEntity } from './user.entity';

/**
 * One entry of the adequacy register (DESIGN.md section 9), never updated or
 * deleted: a withdrawal or an extension is a later entry of the same country.
 * An entry takes effect at max(valid_from, recorded_at). Seeded with the
 * European Commission's decisions (recorded_by null).
 */
@Entity('adequacy_decisions')
@Index('IDX_adequacy_decisions_country', ['country', 'recordedAt'])
@Index('IDX_adequacy_decisions_recorded_by', ['recordedBy'])
export class AdequacyDecisionEntity {
  @IdColumn() id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  @ByteColumn(2) country: string;
  @InstantColumn('valid_from') validFrom: Date;
  /** Exclusive; null: open ended. */
  @InstantColumn('valid_until', { nullable: true }) validUntil: Date | null;
  /** A partial decision's scope (the domain's ADEQUACY_SCOPES); null: the whole country. */
  @Column('varchar', { length: 40, nullable: true }) scope: string | null;
  @Column('varchar', { length: 1000, nullable: true }) note: string | null;
  @InstantColumn('recorded_at') recordedAt: Date;
  @RefColumn('recorded_by', { nullable: true }) recordedBy: string | null;

  @RelationOver(() => UserEntity, 'recorded_by', 'FK_adequacy_decisions_recorded_by', { nullable: true }) recorder?: UserEntity | null;
}
