import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { byteWise, foreignKey, id, index, instant, ref, text } from './table-helpers';

/**
 * Issued notices (DESIGN.md section 8): the notices Canopy issues for policy
 * versions; services say whether they are public and where notice e-mails
 * go; a notice sent outside Canopy records its evidence on the version.
 */
export class Notices1764400040000 implements MigrationInterface {
  name = 'Notices1764400040000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('services', new TableColumn({ name: 'public', type: 'boolean', isNullable: false, default: 0 }));
    await q.addColumn('services', new TableColumn(text('notice_recipients', true)));
    await q.addColumn('policy_versions', new TableColumn({ name: 'notice_evidence', type: 'varchar', length: '2000', isNullable: true }));
    await q.createTable(
      new Table({
        name: 'notices',
        columns: [
          byteWise(q, id()),
          byteWise(q, ref('policy_version_id')),
          byteWise(q, ref('service_id', true)),
          text('channels'),
          instant('issued_at'),
          instant('planned_effective_at'),
          byteWise(q, ref('issued_by', true)),
          text('text'),
          instant('voided_at', true),
        ],
        indices: [
          index('IDX_notices_version', ['policy_version_id']),
          index('IDX_notices_service', ['service_id', 'issued_at']),
          index('IDX_notices_issued_at', ['issued_at']),
        ],
        foreignKeys: [foreignKey('FK_notices_version', 'policy_version_id', 'policy_versions'), foreignKey('FK_notices_issued_by', 'issued_by', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notices');
    await q.dropColumn('policy_versions', 'notice_evidence');
    await q.dropColumn('services', 'notice_recipients');
    await q.dropColumn('services', 'public');
  }
}
