import { QueryRunner, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { byteCollationOf, dialectOf } from '../charset';

/**
 * Column builders for migrations, mirroring entities/columns.ts so one
 * migration set yields the same schema on MySQL/MariaDB and SQLite.
 * Since Utf8mb4Schema1764400008000, new tables are utf8mb4 by the database's
 * default; a new id, reference, key or hash column also takes
 * `collation: byteCollationOf(dialectOf(q.connection))` (charset.ts), as its
 * entity column takes BYTE_COLLATION; the schema-drift test checks both.
 */
export const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
export const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
/** Fixed-length text is a varchar too: the better-sqlite3 driver refuses char (TOOLCHAIN.md). */
export const char = varchar;
export const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
export const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false });
export const instant = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});

export const index = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

export const foreignKey = (name: string, column: string, referencedTable: string, onDelete: 'CASCADE' | 'NO ACTION' = 'NO ACTION') =>
  new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: referencedTable,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'NO ACTION',
  });

/** For migrations after Utf8mb4Schema1764400008000: the column compared byte for byte (ids, references, keys, hashes). */
export const byteWise = (q: QueryRunner, column: TableColumnOptions): TableColumnOptions => ({ ...column, collation: byteCollationOf(dialectOf(q.connection)) });

/** The indexes of `table` as entities/columns.ts IndexedBy names them: `IDX_<table>_<name>`, and `UQ_<table>_<name>` for `unique`. */
export const indexesOf = (table: string, indexes: Record<string, string[]>, unique: Record<string, string[]> = {}) => [
  ...Object.entries(unique).map(([name, columns]) => index(`UQ_${table}_${name}`, columns, true)),
  ...Object.entries(indexes).map(([name, columns]) => index(`IDX_${table}_${name}`, columns)),
];
