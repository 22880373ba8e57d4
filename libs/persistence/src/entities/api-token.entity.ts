import { Entity, Column, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn, RefColumn } from './columns';
import { UserEntity } from './user.entity';

/** Only the SHA-256 of a token is stored; the plaintext is shown once. */
@Entity('api_tokens')
@Index('UQ_api_tokens_hash', ['tokenHash'], { unique: true })
@Index('IDX_api_tokens_user', ['userId'])
export class ApiTokenEntity {
  @IdColumn() id: string;
  @RefColumn('user_id') userId: string;
  @Column('varchar', { length: 200 }) name: string;
  @ByteColumn(64, { name: 'token_hash' }) tokenHash: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('expires_at', { nullable: true }) expiresAt: Date | null;
  @InstantColumn('revoked_at', { nullable: true }) revokedAt: Date | null;
  @InstantColumn('last_used_at', { nullable: true }) lastUsedAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_api_tokens_user' })
  user?: UserEntity;
}
