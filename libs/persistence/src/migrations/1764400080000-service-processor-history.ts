import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bool, byteWise, foreignKey, id, index, instant, int, ref, text, varchar } from './table-helpers';

/**
 * Services and processors kept as history (DESIGN.md section 9), like
 * inventory items and arrangement revisions: `service_revisions` and
 * `processor_revisions`, each row valid from `valid_from` until `valid_to`
 * (NULL = current). Every existing service and processor gets a first
 * revision holding its current fields from its creation (`created_at`): the
 * fields of earlier versions were never kept outside the audit log, so an
 * instant before a pre-existing row's last change answers with its fields
 * as they were when this migration ran. Its id is the row's own id (unique,
 * and no dialect-neutral UUID function exists in SQL); later revisions take
 * fresh UUIDs.
 */
export class ServiceProcessorHistory1764400080000 implements MigrationInterface {
  name = 'ServiceProcessorHistory1764400080000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'service_revisions',
        columns: [
          byteWise(q, id()),
          byteWise(q, ref('service_id')),
          int('version'),
          varchar('name', 200),
          text('description', true),
          byteWise(q, ref('team_id')),
          varchar('lifecycle', 20),
          bool('serves_minors'),
          instant('valid_from'),
          instant('valid_to', true),
        ],
        indices: [
          index('UQ_service_revisions_version', ['service_id', 'version'], true),
          index('IDX_service_revisions_valid_from', ['valid_from']),
          index('IDX_service_revisions_valid_to', ['valid_to']),
          index('IDX_service_revisions_team', ['team_id']),
        ],
        foreignKeys: [foreignKey('FK_service_revisions_service', 'service_id', 'services'), foreignKey('FK_service_revisions_team', 'team_id', 'teams')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'processor_revisions',
        columns: [
          byteWise(q, id()),
          byteWise(q, ref('processor_id')),
          int('version'),
          varchar('name', 200),
          varchar('country', 2),
          varchar('contact_email', 254, true),
          instant('dpa_signed_at', true),
          instant('dpa_expires_at', true),
          varchar('dpa_reference', 200, true),
          varchar('transfer_mechanism', 40, true),
          text('certifications'),
          text('sub_processors', true),
          instant('valid_from'),
          instant('valid_to', true),
        ],
        indices: [index('UQ_processor_revisions_version', ['processor_id', 'version'], true), index('IDX_processor_revisions_valid_to', ['valid_to'])],
        foreignKeys: [foreignKey('FK_processor_revisions_processor', 'processor_id', 'processors')],
      }),
    );
    // Raw, portable backfill: one statement per table, whatever the number of rows.
    await q.query(
      'INSERT INTO service_revisions (`id`, `service_id`, `version`, `name`, `description`, `team_id`, `lifecycle`, `serves_minors`, `valid_from`, `valid_to`) ' +
        'SELECT `id`, `id`, `version`, `name`, `description`, `team_id`, `lifecycle`, `serves_minors`, `created_at`, NULL FROM services',
    );
    await q.query(
      'INSERT INTO processor_revisions (`id`, `processor_id`, `version`, `name`, `country`, `contact_email`, `dpa_signed_at`, `dpa_expires_at`, `dpa_reference`, `transfer_mechanism`, `certifications`, `sub_processors`, `valid_from`, `valid_to`) ' +
        'SELECT `id`, `id`, `version`, `name`, `country`, `contact_email`, `dpa_signed_at`, `dpa_expires_at`, `dpa_reference`, `transfer_mechanism`, `certifications`, `sub_processors`, `created_at`, NULL FROM processors',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('processor_revisions');
    await q.dropTable('service_revisions');
  }
}
