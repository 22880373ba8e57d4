import { DataSource } from 'typeorm';

/**
 * Character set and collation are the schema's, not the server's: every
 * table is utf8mb4 whatever the server or database default (latin1 on a bare
 * MariaDB), and ids, keys and hashes compare byte for byte with no padding,
 * as SQLite's BINARY does, so `MAPS` and `maps ` are not `maps` anywhere.
 * MariaDB's `utf8mb4_bin` is PAD SPACE (`'a' = 'a '`); its `_nopad_bin` and
 * MySQL 8's `_0900_bin` are not.
 */
export const CHARSET = 'utf8mb4';
/** Names, titles, free text: case-insensitive, as the console's search expects. */
export const TEXT_COLLATION = 'utf8mb4_unicode_ci';
/**
 * What entity columns compared byte for byte declare (MariaDB's name, the
 * reference platform); the DataSource swaps in the dialect's own at start
 * (`useDialectCollations`).
 */
export const BYTE_COLLATION = 'utf8mb4_nopad_bin';

export type Dialect = 'sqlite' | 'mariadb' | 'mysql';

const BYTE_COLLATIONS: Record<Dialect, string | undefined> = {
  mariadb: 'utf8mb4_nopad_bin',
  mysql: 'utf8mb4_0900_bin',
  // SQLite's default BINARY collation already compares bytes, without padding.
  sqlite: undefined,
};

export const byteCollationOf = (dialect: Dialect): string | undefined => BYTE_COLLATIONS[dialect];

export function dialectOf(dataSource: DataSource): Dialect {
  const type = dataSource.options.type;
  if (type === 'better-sqlite3') return 'sqlite';
  return type === 'mariadb' ? 'mariadb' : 'mysql';
}

/** Rewrites the entity metadata's byte collation to the dialect's name (none on SQLite), so the metadata describes the real schema. */
export function useDialectCollations(dataSource: DataSource): void {
  const collation = byteCollationOf(dialectOf(dataSource));
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) if (column.collation === BYTE_COLLATION) column.collation = collation;
  }
}

/**
 * Refuses a MySQL-protocol server that cannot hold Canopy's data: one
 * without utf8mb4 or without the byte-for-byte collation (MariaDB before
 * 10.2, MySQL before 8.0.17).
 */
export async function assertServerHoldsUtf8mb4(dataSource: DataSource): Promise<void> {
  const dialect = dialectOf(dataSource);
  if (dialect === 'sqlite') return;
  const collation = byteCollationOf(dialect) as string;
  const rows: { version: string; found: string | number }[] = await dataSource.query(
    'SELECT VERSION() AS version, (SELECT COUNT(*) FROM information_schema.COLLATIONS WHERE COLLATION_NAME = ? AND CHARACTER_SET_NAME = ?) AS found',
    [collation, CHARSET],
  );
  if (Number(rows[0]?.found) === 0) {
    throw new Error(
      `The database server (${rows[0]?.version}) cannot hold Canopy's data: it has no ${CHARSET} collation ${collation}. ` +
        'Canopy stores utf8mb4 (any Unicode text, emoji included) and compares keys byte for byte: use MariaDB 10.2+ or MySQL 8.0.17+.',
    );
  }
}

export interface CharsetProblem {
  table: string;
  column: string;
  charset: string;
  collation: string;
  expectedCollation: string;
}

/**
 * The entity columns whose character set or collation is not what the
 * schema says (utf8mb4 throughout; the byte collation where the entity
 * declares it, TEXT_COLLATION elsewhere). Empty on SQLite.
 */
export async function charsetProblems(dataSource: DataSource): Promise<CharsetProblem[]> {
  const dialect = dialectOf(dataSource);
  if (dialect === 'sqlite') return [];
  const expected = new Map<string, string>();
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) expected.set(`${entity.tableName}.${column.databaseName}`, column.collation ?? TEXT_COLLATION);
  }
  const rows: { t: string; c: string; cs: string; co: string }[] = await dataSource.query(
    'SELECT TABLE_NAME AS t, COLUMN_NAME AS c, CHARACTER_SET_NAME AS cs, COLLATION_NAME AS co FROM information_schema.COLUMNS ' +
      'WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL ORDER BY TABLE_NAME, ORDINAL_POSITION',
  );
  return rows
    .filter((r) => expected.has(`${r.t}.${r.c}`))
    .map((r) => ({ table: r.t, column: r.c, charset: r.cs, collation: r.co, expectedCollation: expected.get(`${r.t}.${r.c}`) as string }))
    .filter((p) => p.charset !== CHARSET || p.collation !== p.expectedCollation);
}

/**
 * At start, after the migrations: refuses a database whose tables cannot
 * hold utf8mb4 (a column left in latin1 would turn an emoji into a 500),
 * naming the columns and what to do.
 */
export async function assertTablesHoldUtf8mb4(dataSource: DataSource): Promise<void> {
  const narrow = (await charsetProblems(dataSource)).filter((p) => p.charset !== CHARSET);
  if (!narrow.length) return;
  const named = narrow.slice(0, 10).map((p) => `${p.table}.${p.column} (${p.charset})`);
  throw new Error(
    `The database cannot hold utf8mb4: ${narrow.length} column(s) are not utf8mb4: ${named.join(', ')}${narrow.length > 10 ? ', ...' : ''}. ` +
      'Run the migrations (`node dist/apps/api/main.js migrate`) as a user allowed to ALTER the tables; they convert every table to utf8mb4.',
  );
}
