import { Entity, Column, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, RelationOver } from './columns';
import { UserEntity } from './user.entity';

/**
 * A receiver an admin registered for notification events (DESIGN.md section 8).
 * The signing secret must be recoverable to compute each delivery's HMAC, so
 * it is stored sealed: AES-256-GCM under CANOPY_SECRETS_KEY when that is set,
 * as is otherwise (docs/notifications.md). A deleted webhook keeps its row
 * (deleted_at) so its delivery log stays readable in the database.
 */
@Entity('webhooks')
@Index('IDX_webhooks_created_at', ['createdAt'])
@Index('IDX_webhooks_created_by', ['createdBy'])
export class WebhookEntity {
  @IdColumn() id: string;
  @Column('varchar', { length: 2048 }) url: string;
  /** Event names, e.g. ["sharing.submitted"]. */
  @Column('simple-json') events: string[];
  @Column('text', { name: 'secret_sealed' }) secretSealed: string;
  @Column('boolean') active: boolean;
  @RefColumn('created_by', { nullable: true }) createdBy: string | null;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('deleted_at', { nullable: true }) deletedAt: Date | null;

  @RelationOver(() => UserEntity, 'created_by', 'FK_webhooks_created_by', { nullable: true }) creator?: UserEntity | null;
}
