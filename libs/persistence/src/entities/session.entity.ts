import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';
import { BytePrimaryColumn, InstantColumn, RefColumn } from './columns';
import { UserEntity } from './user.entity';

/** Console sessions live in the database so any API replica can serve them. */
@Entity('sessions')
@Index('IDX_sessions_user', ['userId'])
@Index('IDX_sessions_token', ['tokenId'])
export class SessionEntity {
  /** SHA-256 of the cookie value. */
  @BytePrimaryColumn(64, { name: 'id_hash' }) idHash: string;
  @RefColumn('user_id') userId: string;
  /** The API token the session was opened with (sign-in with a token); null for a password sign-in. */
  @RefColumn('token_id', { nullable: true }) tokenId: string | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('expires_at') expiresAt: Date;
  @Column('varchar', { length: 20 }) via: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_sessions_user' })
  user?: UserEntity;

  @ManyToOne(() => ApiTokenEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'FK_sessions_token' })
  token?: ApiTokenEntity | null;
}
