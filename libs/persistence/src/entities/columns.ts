import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Column helpers shared by every entity so both dialects get the same types:
 * ids are application-generated UUIDs, instants are UTC with millisecond
 * precision (DESIGN.md section 6), and no column relies on a database default.
 */
export const IdColumn = () => PrimaryColumn('varchar', { length: 36 });
export const RefColumn = (name: string, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 36, name, ...options });
export const InstantColumn = (name: string, options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 3, name, ...options });
export const KeyColumn = (name = 'key') => Column('varchar', { length: 63, name });
