import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { byteWise, char, int } from './table-helpers';

/** One row per complete subtree of the audit log's Merkle tree; its primary key is what proofs look rows up by. */
const auditSubtrees = (q: QueryRunner) =>
  new Table({
    name: 'audit_subtrees',
    columns: [{ ...int('size'), isPrimary: true }, { ...int('start'), isPrimary: true }, byteWise(q, char('hash', 64))],
  });

/**
 * The audit log's stored Merkle subtrees (DESIGN.md section 10), filled from
 * the audit events by the evidence feature, so a proof costs one read of
 * O(log n) rows whatever the log's size.
 */
export class AuditSubtrees1764400060000 implements MigrationInterface {
  name = 'AuditSubtrees1764400060000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(auditSubtrees(q));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_subtrees');
  }
}
