import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
