import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BytePrimaryColumn, InstantColumn, RefColumn } from './columns';
import { UserEntity } from './user.entity';

/** Console sessions live in the database so any API replica can serve them. */
@Entity('sessions')
@Index('IDX_sessions_user', ['userId'])
export class SessionEntity {
  /** SHA-256 of the cookie value. */
  @BytePrimaryColumn(64, { name: 'id_hash' }) idHash: string;
  @RefColumn('user_id') userId: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('expires_at') expiresAt: Date;
  @Column('varchar', { length: 20 }) via: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sessions_user' })
  user?: UserEntity;
}
