import { MigrationInterface, QueryRunner } from 'typeorm';
import { byteCollationOf, CHARSET, dialectOf, TEXT_COLLATION } from '../charset';

/**
 * The columns compared byte for byte (charset.ts): ids and references, keys,
 * the taxonomy keys and codes that serve as keys, and hashes. Every other
 * character column gets TEXT_COLLATION.
 */
const BYTE_COLUMNS: Record<string, string[]> = {
  teams: ['id', 'key'],
  users: ['id', 'password_hash'],
  team_members: ['team_id', 'user_id'],
  api_tokens: ['id', 'user_id', 'token_hash'],
  sessions: ['id_hash', 'user_id', 'token_id'],
  settings: ['key'],
  services: ['id', 'key', 'team_id'],
  audit_events: ['actor_id', 'action', 'entity_type', 'entity_id', 'prev_hash', 'hash'],
  audit_head: ['hash'],
  taxonomy_categories: ['key', 'parent_key'],
  taxonomy_uses: ['key'],
  policies: ['id', 'key', 'service_id'],
  policy_versions: ['id', 'policy_id', 'published_by'],
  policy_clauses: ['id', 'version_id', 'subject'],
  policy_conflicts: ['id', 'service_id', 'global_version_id', 'service_version_id', 'subject', 'carried_from_id', 'resolved_by'],
  inventory_items: ['id', 'service_id', 'data_category'],
  processors: ['id', 'key'],
  sharing_arrangements: ['id', 'service_id', 'processor_id', 'requested_by', 'decided_by'],
  sharing_arrangement_revisions: ['id', 'arrangement_id', 'service_id', 'processor_id', 'decided_by', 'changed_by'],
  sharing_approvals: ['id', 'arrangement_id', 'approver_id'],
  finding_acceptances: ['id', 'service_id', 'rule', 'data_category', 'accepted_by'],
  service_security_measures: ['id', 'service_id'],
};

interface CharacterColumn {
  table: string;
  column: string;
  type: string;
  nullable: string;
  defaultValue: string | null;
  comment: string;
  charset: string;
  collation: string;
}

/**
 * Character set and collation become the schema's, not the server's: every
 * table and character column of the database is converted to utf8mb4
 * (a database created with latin1, a bare server's default, could not store
 * an emoji), the columns of BYTE_COLUMNS to the dialect's byte-for-byte
 * collation, the rest to TEXT_COLLATION, and the database's default to
 * utf8mb4 so later tables start right. Column types stay as they are (no
 * CONVERT TO, which would widen TEXT to MEDIUMTEXT). MariaDB and MySQL refuse
 * to change a column a foreign key uses, so the foreign keys are dropped and
 * recreated (and so checked again) around it. SQLite stores UTF-8 and
 * compares BINARY already: nothing to do. Columns already right are left
 * alone, so a second run is a no-op.
 */
export class Utf8mb4Schema1764400008000 implements MigrationInterface {
  name = 'Utf8mb4Schema1764400008000';

  async up(q: QueryRunner): Promise<void> {
    const byteCollation = byteCollationOf(dialectOf(q.connection));
    if (!byteCollation) return;
    await convertCharacterColumns(q, (table, column) => (BYTE_COLUMNS[table]?.includes(column) ? byteCollation : TEXT_COLLATION));
    await q.query(`ALTER DATABASE CHARACTER SET ${CHARSET} COLLATE ${TEXT_COLLATION}`);
  }

  /**
   * Back to one collation for every column, so migrations written before
   * this one run again (a foreign key needs both columns in one collation).
   * The character set stays utf8mb4: narrowing it could lose data.
   */
  async down(q: QueryRunner): Promise<void> {
    if (!byteCollationOf(dialectOf(q.connection))) return;
    await convertCharacterColumns(q, () => TEXT_COLLATION);
  }
}

/** Gives every character column of every table utf8mb4 and `collationOf` its collation, in three passes of one ALTER per table. */
async function convertCharacterColumns(q: QueryRunner, collationOf: (table: string, column: string) => string): Promise<void> {
  const dialect = dialectOf(q.connection);
  const tables: { name: string; collation: string | null }[] = await q.query(
    "SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
  );
  const changes = new Map<string, string[]>();
  for (const column of await characterColumns(q)) {
    const collation = collationOf(column.table, column.column);
    if (column.charset === CHARSET && column.collation === collation) continue;
    changes.set(column.table, [...(changes.get(column.table) ?? []), modifyClause(column, collation, dialect)]);
  }
  const toAlter = tables.filter((t) => changes.has(t.name) || t.collation !== TEXT_COLLATION);
  if (!toAlter.length) return;
  // Every DDL statement is a barrier across a Galera cluster: one per table and pass.
  const foreignKeys = await foreignKeysByTable(q);
  for (const [table, keys] of foreignKeys) await q.query(`ALTER TABLE \`${table}\` ${keys.map((k) => `DROP FOREIGN KEY \`${k.name}\``).join(', ')}`);
  for (const table of toAlter) {
    const clauses = [`DEFAULT CHARACTER SET ${CHARSET} COLLATE ${TEXT_COLLATION}`, ...(changes.get(table.name) ?? [])];
    await q.query(`ALTER TABLE \`${table.name}\` ${clauses.join(', ')}`);
  }
  for (const [table, keys] of foreignKeys) await q.query(`ALTER TABLE \`${table}\` ${keys.map(addForeignKey).join(', ')}`);
}

interface ForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

async function foreignKeysByTable(q: QueryRunner): Promise<Map<string, ForeignKey[]>> {
  const rows: { tableName: string; name: string; columnName: string; referencedTable: string; referencedColumn: string; onDelete: string; onUpdate: string }[] = await q.query(
    'SELECT rc.TABLE_NAME AS tableName, rc.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS columnName, k.REFERENCED_TABLE_NAME AS referencedTable, ' +
      'k.REFERENCED_COLUMN_NAME AS referencedColumn, rc.DELETE_RULE AS onDelete, rc.UPDATE_RULE AS onUpdate ' +
      'FROM information_schema.REFERENTIAL_CONSTRAINTS rc JOIN information_schema.KEY_COLUMN_USAGE k ' +
      'ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = rc.TABLE_NAME AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME ' +
      'WHERE rc.CONSTRAINT_SCHEMA = DATABASE() ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION',
  );
  const byTable = new Map<string, Map<string, ForeignKey>>();
  for (const row of rows) {
    const keys = byTable.get(row.tableName) ?? new Map<string, ForeignKey>();
    const key = keys.get(row.name) ?? { name: row.name, columns: [], referencedTable: row.referencedTable, referencedColumns: [], onDelete: row.onDelete, onUpdate: row.onUpdate };
    key.columns.push(row.columnName);
    key.referencedColumns.push(row.referencedColumn);
    keys.set(row.name, key);
    byTable.set(row.tableName, keys);
  }
  return new Map([...byTable].map(([table, keys]) => [table, [...keys.values()]]));
}

const names = (columns: string[]) => columns.map((c) => `\`${c}\``).join(', ');
const addForeignKey = (k: ForeignKey) =>
  `ADD CONSTRAINT \`${k.name}\` FOREIGN KEY (${names(k.columns)}) REFERENCES \`${k.referencedTable}\` (${names(k.referencedColumns)}) ON DELETE ${k.onDelete} ON UPDATE ${k.onUpdate}`;

async function characterColumns(q: QueryRunner): Promise<CharacterColumn[]> {
  return q.query(
    'SELECT TABLE_NAME AS `table`, COLUMN_NAME AS `column`, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS defaultValue, ' +
      'COLUMN_COMMENT AS comment, CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation ' +
      "FROM information_schema.COLUMNS c WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL AND EXTRA NOT LIKE '%GENERATED%' " +
      "AND TABLE_NAME IN (SELECT TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_TYPE = 'BASE TABLE') " +
      'ORDER BY TABLE_NAME, ORDINAL_POSITION',
  );
}

/** `MODIFY` keeping the column's type, nullability, default and comment; only its character set and collation change. */
function modifyClause(column: CharacterColumn, collation: string, dialect: 'mysql' | 'mariadb' | 'sqlite'): string {
  let clause = `MODIFY \`${column.column}\` ${column.type} CHARACTER SET ${CHARSET} COLLATE ${collation} ${column.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`;
  // MariaDB reports a default as an SQL expression (quoted literal, or NULL); MySQL as the bare value.
  if (column.defaultValue !== null && column.defaultValue !== 'NULL') clause += ` DEFAULT ${dialect === 'mariadb' ? column.defaultValue : quote(column.defaultValue)}`;
  if (column.comment) clause += ` COMMENT ${quote(column.comment)}`;
  return clause;
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
