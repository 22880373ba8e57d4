import { Entity, Column, Index } from 'typeorm';
import { ByteColumn, IdColumn, InstantColumn } from './columns';

@Entity('users')
@Index('UQ_users_email', ['email'], { unique: true })
export class UserEntity {
  @IdColumn() id: string;
  @Column('varchar', { length: 254 }) email: string;
  @Column('varchar', { length: 200 }) name: string;
  /** Comma-separated Role values; a user rarely has more than two. */
  @Column('simple-array') roles: string[];
  @ByteColumn(255, { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column('boolean') active: boolean;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;
}
