import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { bool, byteWise, foreignKey, id, index, instant, int, ref, text, varchar } from './table-helpers';

/** A revision table: id, the owner's reference, version, the kept `fields`, valid_from and valid_to; unique per (owner, version). */
function revisionTable(q: QueryRunner, name: string, owner: { column: string; table: string; fk: string }, fields: TableColumnOptions[], more: { refs?: [string, string, string, string][] } = {}): Table {
  const refs = more.refs ?? [];
  return new Table({
    name,
    columns: [byteWise(q, id()), byteWise(q, ref(owner.column)), int('version'), ...fields, instant('valid_from'), instant('valid_to', true)],
    indices: [index(`UQ_${name}_version`, [owner.column, 'version'], true), index(`IDX_${name}_valid_to`, ['valid_to']), ...refs.map(([column, , , idx]) => index(idx, [column]))],
    foreignKeys: [foreignKey(owner.fk, owner.column, owner.table), ...refs.map(([column, table, fk]) => foreignKey(fk, column, table))],
  });
}

/** Copies every row of `from` into `into` as its first revision, valid from its creation; the revision's id is the row's own. */
async function backfill(q: QueryRunner, into: string, from: string, owner: string, fields: string[]): Promise<void> {
  const quoted = fields.map((f) => `\`${f}\``).join(', ');
  await q.query(`INSERT INTO ${into} (\`id\`, \`${owner}\`, \`version\`, ${quoted}, \`valid_from\`, \`valid_to\`) SELECT \`id\`, \`id\`, \`version\`, ${quoted}, \`created_at\`, NULL FROM ${from}`);
}

const SERVICE_FIELDS = ['name', 'description', 'team_id', 'lifecycle', 'serves_minors'];
const PROCESSOR_FIELDS = ['name', 'country', 'contact_email', 'dpa_signed_at', 'dpa_expires_at', 'dpa_reference', 'transfer_mechanism', 'certifications', 'sub_processors'];

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
 * fresh UUIDs. One statement per table, whatever the number of rows.
 */
export class ServiceProcessorHistory1764400080000 implements MigrationInterface {
  name = 'ServiceProcessorHistory1764400080000';

  async up(q: QueryRunner): Promise<void> {
    const serviceFields = [varchar('name', 200), text('description', true), byteWise(q, ref('team_id')), varchar('lifecycle', 20), bool('serves_minors')];
    const services = { column: 'service_id', table: 'services', fk: 'FK_service_revisions_service' };
    await q.createTable(revisionTable(q, 'service_revisions', services, serviceFields, { refs: [['team_id', 'teams', 'FK_service_revisions_team', 'IDX_service_revisions_team']] }));
    const processorFields = [varchar('name', 200), varchar('country', 2), varchar('contact_email', 254, true), instant('dpa_signed_at', true), instant('dpa_expires_at', true)];
    processorFields.push(varchar('dpa_reference', 200, true), varchar('transfer_mechanism', 40, true), text('certifications'), text('sub_processors', true));
    await q.createTable(revisionTable(q, 'processor_revisions', { column: 'processor_id', table: 'processors', fk: 'FK_processor_revisions_processor' }, processorFields));
    await backfill(q, 'service_revisions', 'services', 'service_id', SERVICE_FIELDS);
    await backfill(q, 'processor_revisions', 'processors', 'processor_id', PROCESSOR_FIELDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('processor_revisions');
    await q.dropTable('service_revisions');
  }
}
