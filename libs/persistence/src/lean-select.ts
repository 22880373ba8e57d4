import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { isSqlite } from './data-source';

interface Shape {
  columns: ColumnMetadata[];
  /** An entity from a result row: the row's columns under their names (`<alias>_<column>` over an alias). */
  hydrate: (row: Record<string, unknown>) => ObjectLiteral;
  /** Every column, under its own name or (prefixed) as `<alias>.<column> AS <alias>_<column>`. */
  selectList: string;
  table: string;
}

const shapes = new WeakMap<object, Map<string, Shape>>();

/** The columns of `entity` (or of the given properties) and their select list, unprefixed ('') or over a table alias; built once per entity, alias and properties. */
function shapeOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>, alias = '', properties: readonly string[] | null = null): Shape {
  const metadata = m.connection.getMetadata(entity);
  const byAlias = shapes.get(metadata) ?? new Map<string, Shape>();
  shapes.set(metadata, byAlias);
  const key = properties ? `${alias}:${properties.join(',')}` : alias;
  let shape = byAlias.get(key);
  if (!shape) {
    if (metadata.embeddeds.length || metadata.inheritancePattern) throw new Error(`leanSelect: ${metadata.name} has embedded columns or table inheritance`);
    const columns = metadata.columns.filter((c) => !c.isVirtual && (!properties || properties.includes(c.propertyName)));
    if (properties && columns.length !== properties.length) throw new Error(`leanSelect: ${metadata.name} has no column for one of ${properties.join(', ')}`);
    const escape = (name: string) => m.connection.driver.escape(name);
    const select = (c: ColumnMetadata) => (alias ? `${alias}.${escape(c.databaseName)} AS ${escape(`${alias}_${c.databaseName}`)}` : escape(c.databaseName));
    const keys = columns.map((c) => (alias ? `${alias}_${c.databaseName}` : c.databaseName));
    shape = { columns, hydrate: compileHydrator(m, metadata, columns, keys), selectList: columns.map(select).join(', '), table: escape(metadata.tableName) };
    byAlias.set(key, shape);
  }
  return shape;
}

/** Column types that neither the MySQL nor the SQLite driver converts when it hydrates (without a transformer): the value is the driver's. */
const AS_READ = new Set<unknown>(['varchar', 'text', 'integer']);

/**
 * A function making an entity from a raw row, each column converted by the driver as TypeORM converts
 * it (`prepareHydratedValue`), except types it leaves as read. Compiled once per shape, as mysql2
 * compiles its row parsers: with each property and key written out, V8 sees one object shape per
 * entity instead of a loop of keyed accesses (a third of a list page's hydrating). Names come from the
 * entity metadata only, each quoted by JSON.stringify.
 */
function compileHydrator(m: EntityManager, metadata: EntityMetadata, columns: ColumnMetadata[], keys: string[]): Shape['hydrate'] {
  const driver = m.connection.driver;
  const converters = columns.map((c) => (AS_READ.has(c.type) && !c.transformer ? null : (value: unknown) => driver.prepareHydratedValue(value, c)));
  const assignments = columns.map((c, i) => {
    const read = `row[${JSON.stringify(keys[i])}]`;
    return `entity[${JSON.stringify(c.propertyName)}] = ${converters[i] ? `convert[${i}](${read})` : read};`;
  });
  const create = () => metadata.create(undefined, { fromDeserializer: true });
  const factory = new Function('create', 'convert', `return function hydrate(row) { const entity = create(); ${assignments.join(' ')} return entity; };`);
  return factory(create, converters) as Shape['hydrate'];
}

/**
 * Rows of `entity` matching `where` (raw SQL over the table's column names, `?` parameters), as
 * entities: one hand-built SELECT of every column, each value converted by the driver exactly as
 * TypeORM converts it. For the hottest per-request reads: TypeORM's query builder and its generic
 * result transformer cost about a tenth of a service-list request's CPU; this costs a fraction of that.
 */
export async function leanSelect<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  where: string,
  parameters: readonly unknown[],
  orderBy = '',
  /** Only these properties' columns (TypeORM's `select`); every column without. */
  properties: readonly (keyof T & string)[] | null = null,
): Promise<T[]> {
  const shape = shapeOf(m, entity, '', properties);
  const { selectList, table } = shape;
  const raw: Record<string, unknown>[] = await m.query(`SELECT ${selectList} FROM ${table} WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`, [...parameters]);
  return raw.map((row) => shape.hydrate(row) as T);
}

/** The one row each row of a leanJoinSelect has in another table (INNER JOIN), set on `property`. */
export interface LeanJoin {
  property: string;
  entity: EntityTarget<ObjectLiteral>;
  /** The join condition, over the aliases `t` (the main table) and this one's (`j` unless `alias`). */
  on: string;
  /** This table's alias in `on`, `where` and `orderBy` (default `j`; each join of one statement needs its own). */
  alias?: string;
  /** LEFT JOIN: a row without a match has no `property` (INNER JOIN without). */
  left?: boolean;
}

/**
 * leanSelect with a to-one relation read in the same statement, as TypeORM's
 * `innerJoinAndSelect` gives it: `where` and `orderBy` name columns as
 * `t.<column>` and `j.<column>`.
 */
export async function leanJoinSelect<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  join: LeanJoin,
  where: string,
  parameters: readonly unknown[],
  orderBy = '',
): Promise<T[]> {
  return (await leanJoinSelectAlso(m, entity, join, { select: {} }, where, parameters, orderBy)).map(({ row }) => row);
}

/**
 * More of a leanJoinSelect's statement: `select`, name to SQL expression, each returned raw beside its row (its
 * parameters come before those of `where`); `leftJoins`, SQL joining other tables for them; `limit`, at most that many rows.
 */
export interface LeanAlso<K extends string> {
  select: Record<K, string>;
  leftJoins?: string;
  limit?: number;
  /**
   * MySQL/MariaDB only (ignored on SQLite): walk this index of the main table for the ORDER BY. For a
   * page in an index's order: past a few dozen rows MariaDB 10.11 sorts the whole table instead.
   */
  orderByIndex?: string;
}

/**
 * leanJoinSelect (or, without a join, leanSelect; or with several to-one joins, each under its own alias)
 * with more expressions in the same statement (LeanAlso), each returned raw, as the driver gives it, beside its row.
 */
export async function leanJoinSelectAlso<T extends ObjectLiteral, K extends string>(
  m: EntityManager,
  entity: EntityTarget<T>,
  join: LeanJoin | readonly LeanJoin[] | null,
  also: LeanAlso<K>,
  where: string,
  parameters: readonly unknown[],
  orderBy = '',
): Promise<{ row: T; also: Record<K, unknown> }[]> {
  const main = shapeOf(m, entity, 't');
  const joins = (join === null ? [] : Array.isArray(join) ? join : [join as LeanJoin]).map((j) => {
    const alias = j.alias ?? 'j';
    const shape = shapeOf(m, j.entity, alias);
    const id = `${alias}_${shape.columns.find((c) => c.isPrimary)?.databaseName ?? shape.columns[0].databaseName}`;
    return { ...j, alias, shape, id, sql: ` ${j.left ? 'LEFT' : 'INNER'} JOIN ${shape.table} ${alias} ON ${j.on}` };
  });
  const names = Object.keys(also.select) as K[];
  const alsoKeys = names.map((name) => `also_${name}`);
  const hint = also.orderByIndex && !isSqlite(m.connection) ? ` FORCE INDEX FOR ORDER BY (${m.connection.driver.escape(also.orderByIndex)})` : '';
  const extra = names.map((name, i) => `, ${also.select[name]} AS ${m.connection.driver.escape(alsoKeys[i])}`).join('');
  const raw: Record<string, unknown>[] = await m.query(
    `SELECT ${[main.selectList, ...joins.map((j) => j.shape.selectList)].join(', ')}${extra} FROM ${main.table} t${hint}${joins.map((j) => j.sql).join('')}${also.leftJoins ? ` ${also.leftJoins}` : ''} WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}${also.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(also.limit))}`}`,
    [...parameters],
  );
  return raw.map((row) => {
    const out = main.hydrate(row);
    for (const j of joins) if (row[j.id] !== null && row[j.id] !== undefined) out[j.property] = j.shape.hydrate(row);
    const values = {} as Record<K, unknown>;
    for (let i = 0; i < names.length; i++) values[names[i]] = row[alsoKeys[i]];
    return { row: out as T, also: values };
  });
}

/** A value as the driver writes `entity`'s `property` column (an instant as SQLite stores it, say): for parameters of a lean read. */
export function persistedValue(m: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string, value: unknown): unknown {
  const column = m.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`persistedValue: ${String(entity)} has no column ${property}`);
  return m.connection.driver.preparePersistentValue(value, column);
}

/** One raw value of `entity`'s `property` as the driver hydrates that column (booleans, instants, JSON); null stays null. */
export function hydratedValue(m: EntityManager, entity: EntityTarget<ObjectLiteral>, property: string, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  const column = m.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`hydratedValue: ${String(entity)} has no column ${property}`);
  return m.connection.driver.prepareHydratedValue(raw, column);
}

/** `(?, ?, ...)` for an IN list of `count` values (at least one: an empty list matches nothing). */
export function placeholders(count: number): string {
  return count ? `(${new Array(count).fill('?').join(', ')})` : '(NULL)';
}
