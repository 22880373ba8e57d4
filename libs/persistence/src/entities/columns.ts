import { Column, ColumnOptions, Index, JoinColumn, ManyToOne, ObjectType, PrimaryColumn, RelationOptions } from 'typeorm';
import { BYTE_COLLATION } from '../charset';

/**
 * Column helpers shared by every entity so both dialects get the same types:
 * ids are application-generated UUIDs, instants are UTC with millisecond
 * precision (DESIGN.md section 6), and no column relies on a database default.
 * Ids, references, keys and hashes compare byte for byte (BYTE_COLLATION,
 * charset.ts); other text uses the tables' utf8mb4 default.
 */
export const IdColumn = () => PrimaryColumn('varchar', { length: 36, collation: BYTE_COLLATION });
export const RefColumn = (name: string, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 36, name, collation: BYTE_COLLATION, ...options });
export const InstantColumn = (name: string, options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 3, name, ...options });
export const KeyColumn = (name = 'key') => Column({ type: 'varchar', length: 63, name, collation: BYTE_COLLATION });
/** Any other string compared byte for byte: hashes, taxonomy keys, codes used as keys. */
export const ByteColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, collation: BYTE_COLLATION, ...options });
export const BytePrimaryColumn = (length: number, options: { name?: string } = {}) =>
  PrimaryColumn('varchar', { length, collation: BYTE_COLLATION, ...options });

/**
 * The relation over a reference column (`column`, declared by RefColumn), with
 * its foreign key named `foreignKey` as the migration names it.
 */
export function RelationOver<T>(target: () => ObjectType<T>, column: string, foreignKey: string, options: RelationOptions = {}): PropertyDecorator {
  return (prototype, property) => {
    ManyToOne(target, options)(prototype, property);
    JoinColumn({ name: column, foreignKeyConstraintName: foreignKey })(prototype, property);
  };
}

/**
 * The indexes of `table`, named as its migration names them: `IDX_<table>_<name>`
 * for each of `indexes`, `UQ_<table>_<name>` for each of `unique`.
 */
export function IndexedBy(table: string, indexes: Record<string, string[]>, unique: Record<string, string[]> = {}): ClassDecorator {
  return (target) => {
    for (const [name, columns] of Object.entries(indexes)) Index(`IDX_${table}_${name}`, columns)(target);
    for (const [name, columns] of Object.entries(unique)) Index(`UQ_${table}_${name}`, columns, { unique: true })(target);
  };
}
