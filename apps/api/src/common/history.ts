import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows kept as history are valid from `valid_from` (inclusive) to `valid_to`
 * (exclusive; null while current). Narrows a query on `alias` to the rows
 * valid at `at`: valid_from <= at < valid_to.
 */
export function validAt<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, at: Date): SelectQueryBuilder<T> {
  return query.andWhere(`${alias}.validFrom <= :validAt AND (${alias}.validTo IS NULL OR ${alias}.validTo > :validAt)`, { validAt: at });
}
