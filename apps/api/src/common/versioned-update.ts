import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { versionConflict } from './errors';

/**
 * Optimistic concurrency for a row with a `version`: writes `changes` with the
 * next version and `now` as `updatedAt`, only while the row still has the
 * version it was read with. Of two writers of the same version exactly one
 * matches (on MySQL the other waits on the row lock, then matches nothing and
 * gets VERSION_CONFLICT naming `what`, its transaction rolled back). Returns
 * what was written, for the caller to apply to its copy of the row.
 */
export async function updateVersioned<E extends ObjectLiteral & { id: string; version: number }>(
  tx: EntityManager,
  entity: EntityTarget<E>,
  row: E,
  changes: Partial<E>,
  now: Date,
  conflict: { what: string; expected: number },
): Promise<Partial<E> & { version: number; updatedAt: Date }> {
  const next = { ...changes, version: row.version + 1, updatedAt: now };
  const result = await tx
    .createQueryBuilder()
    .update(entity)
    .set(next as never)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  if (result.affected !== 1) throw versionConflict(conflict.what, conflict.expected, row.version + 1);
  return next;
}
