import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

@Entity('team_members')
@Index('IDX_team_members_user', ['userId'])
export class TeamMemberEntity {
  @PrimaryColumn('varchar', { length: 36, name: 'team_id' }) teamId: string;
  @PrimaryColumn('varchar', { length: 36, name: 'user_id' }) userId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_team_members_team' })
  team?: TeamEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_team_members_user' })
  user?: UserEntity;
}
