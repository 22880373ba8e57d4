import { Column } from 'typeorm';
import { IdColumn, InstantColumn } from './columns';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AbstractClass = abstract new (...args: any[]) => object;

/**
 * The columns every revision table shares on top of the fields it keeps
 * (`Base`): its id, the version it keeps, and `valid_from` (inclusive) to
 * `valid_to` (exclusive; NULL while current).
 */
export function RevisionColumns<B extends AbstractClass>(Base: B) {
  abstract class Revision extends Base {
    @IdColumn() id: string;
    @Column('integer') version: number;
    @InstantColumn('valid_from') validFrom: Date;
    @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;
  }
  return Revision;
}

interface RevisionRow {
  id: string;
  version: number;
  validFrom: Date;
  validTo: Date | null;
}

const pick = <T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> => Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;

/**
 * How the rows of an entity and its revisions convert, the revision keeping
 * `fields` of the row and its version, `owner` naming the row's id on it:
 * `revisionOf` makes the current revision of a row from `validFrom` (the id
 * is the caller's, a fresh UUID), `asOf` the row as a revision describes it
 * (the row's own id, key and instants, the revision's fields and version).
 */
export function historyOf<R extends RevisionRow, T extends { id: string; version: number }, K extends keyof T & keyof R>(
  Revision: new () => R,
  Row: new () => T,
  fields: readonly K[],
  owner: keyof R,
) {
  return {
    revisionOf: (id: string, row: T, validFrom: Date): R => Object.assign(new Revision(), pick(row, fields), { id, [owner]: row.id, version: row.version, validFrom, validTo: null }),
    asOf: (row: T, revision: R): T => Object.assign(new Row(), row, pick(revision, fields), { version: revision.version }),
  };
}
