import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BytePrimaryColumn } from './columns';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

@Entity('team_members')
@Index('IDX_team_members_user', ['userId'])
export class TeamMemberEntity {
  @BytePrimaryColumn(36, { name: 'team_id' }) teamId: string;
  @BytePrimaryColumn(36, { name: 'user_id' }) userId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_team_members_team' })
  team?: TeamEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_team_members_user' })
  user?: UserEntity;
}
