import { Entity, Column, Index, PrimaryColumn } from 'typeorm';
import { ByteColumn, InstantColumn } from './columns';

/**
 * One row per mutation, chained: hash = sha256(prevHash || canonical JSON).
 * before/after hold canonical JSON text exactly as it was hashed.
 */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId'])
@Index('IDX_audit_events_actor', ['actorId'])
@Index('IDX_audit_events_at', ['at'])
@Index('IDX_audit_events_action', ['action'])
export class AuditEventEntity {
  @PrimaryColumn('integer') seq: number;
  @InstantColumn('at') at: Date;
  @ByteColumn(36, { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('varchar', { length: 254, name: 'actor_email', nullable: true }) actorEmail: string | null;
  @ByteColumn(100) action: string;
  @ByteColumn(50, { name: 'entity_type' }) entityType: string;
  @ByteColumn(100, { name: 'entity_id' }) entityId: string;
  @Column('text', { nullable: true }) before: string | null;
  @Column('text', { nullable: true }) after: string | null;
  @ByteColumn(64, { name: 'prev_hash' }) prevHash: string;
  @ByteColumn(64) hash: string;
}

/** A single row (id = 1): the chain's head, updated first so writers queue on it. */
@Entity('audit_head')
export class AuditHeadEntity {
  @PrimaryColumn('integer') id: number;
  @Column('integer') seq: number;
  @ByteColumn(64) hash: string;
}
