import { Entity, PrimaryColumn } from 'typeorm';
import { ByteColumn } from './columns';

/**
 * A complete subtree of the audit log's Merkle tree (RFC 9162, libs/evidence):
 * the leaves [start, start + size), size a power of two. Its hash never
 * changes once stored, so proofs read O(log n) of these rows instead of the log.
 */
@Entity('audit_subtrees')
export class AuditSubtreeEntity {
  @PrimaryColumn('integer') size: number;
  @PrimaryColumn('integer') start: number;
  @ByteColumn(64) hash: string;
}
