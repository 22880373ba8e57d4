import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inChunks } from './batch';

/**
 * Rows kept as history are valid from `valid_from` (inclusive) to `valid_to`
 * (exclusive; null while current). Narrows a query on `alias` to the rows
 * valid at `at`: valid_from <= at < valid_to.
 */
export function validAt<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, at: Date): SelectQueryBuilder<T> {
  return query.andWhere(`${alias}.validFrom <= :validAt AND (${alias}.validTo IS NULL OR ${alias}.validTo > :validAt)`, { validAt: at });
}

/** Ends the current rows of `entity` whose `column` equals `id`: their valid_to becomes `at`. */
export async function closeCurrentRows<T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, column: string, id: string, at: Date): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(entity)
    .set({ validTo: at } as never)
    .where(`${column} = :id AND valid_to IS NULL`, { id })
    .execute();
}

/**
 * Keeps one more version of a row kept as history, in the caller's
 * transaction: the current revision of `id` (its `column`) ends at `at` and
 * `next`, valid from `at`, becomes the current one.
 */
export async function appendRevision<T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, column: string, id: string, next: T, at: Date): Promise<void> {
  await closeCurrentRows(tx, entity, column, id, at);
  await tx.insert(entity, next);
}

/**
 * Rows of a history table valid at `at`: all of them, or those whose
 * `column` (a property path on alias `r`, e.g. `r.serviceId`) is one of
 * `keys`, one statement per 10,000 keys.
 */
export async function rowsValidAt<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  filter: { column: string; keys: readonly string[] } | 'all',
  at: Date,
): Promise<T[]> {
  const base = () => m.createQueryBuilder(entity, 'r');
  if (filter === 'all') return validAt(base(), 'r', at).getMany();
  return inChunks(filter.keys, (chunk) => validAt(base().where(`${filter.column} IN (:...chunk)`, { chunk }), 'r', at).getMany());
}

/**
 * Revisions paired with the immutable row each belongs to (read by
 * `originsOf`, one batch), oldest origin first; a revision whose origin is
 * gone is left out.
 */
export async function withOrigins<R, O extends { id: string; createdAt: Date }>(
  revisions: readonly R[],
  originIdOf: (revision: R) => string,
  originsOf: (ids: string[]) => Promise<O[]>,
): Promise<{ revision: R; origin: O }[]> {
  const origins = new Map((await originsOf(revisions.map(originIdOf))).map((o) => [o.id, o]));
  return revisions
    .flatMap((revision) => {
      const origin = origins.get(originIdOf(revision));
      return origin ? [{ revision, origin }] : [];
    })
    .sort((a, b) => a.origin.createdAt.getTime() - b.origin.createdAt.getTime() || (a.origin.id < b.origin.id ? -1 : 1));
}

/** Which revisions to read: those of some services, of some origins (by id), or all. */
export type RevisionFilter = { serviceIds: readonly string[] } | { ids: readonly string[] } | { all: true };

/**
 * The revisions of `entity` valid at `at` that `filter` selects (its
 * `originColumn` property names the row each belongs to), paired with those
 * rows read by `originsOf`, oldest first: one statement for the revisions and
 * one for their origins, per 10,000 keys.
 */
export async function revisionsWithOrigins<R extends ObjectLiteral & { serviceId: string }, O extends { id: string; createdAt: Date }>(
  m: EntityManager,
  entity: EntityTarget<R>,
  originColumn: keyof R & string,
  filter: RevisionFilter,
  at: Date,
  originsOf: (ids: string[]) => Promise<O[]>,
): Promise<{ revision: R; origin: O }[]> {
  const rows = 'all' in filter ? 'all' : 'ids' in filter ? { column: `r.${originColumn}`, keys: filter.ids } : { column: 'r.serviceId', keys: filter.serviceIds };
  return withOrigins(await rowsValidAt(m, entity, rows, at), (r) => String(r[originColumn]), originsOf);
}
