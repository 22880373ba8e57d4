import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, KeyColumn } from './columns';

@Entity('teams')
@Index('UQ_teams_key', ['key'], { unique: true })
export class TeamEntity {
  @IdColumn() id: string;
  @KeyColumn() key: string;
  @Column('varchar', { length: 200 }) name: string;
  @InstantColumn('created_at') createdAt: Date;
}
