/**
 * A list read a page at a time in a key order (keyset pagination): memory
 * holds one page, whatever the length of the list. Its length comes first
 * (what a header announces), from the same filter as the pages.
 */
export interface PagedList<T> {
  /** How many rows the pages hold in all: one statement. */
  count(): Promise<number>;
  /** The rows, up to `size` at a time, in key order: one statement a page. */
  pages(size: number): AsyncIterable<T[]>;
}

/**
 * A PagedList over `read(after, limit)`: up to `limit` rows after the key
 * `after` (null: from the first), in key order. A page reads one row more
 * than it keeps, to know whether another follows.
 */
export function pagedList<T, K>(count: () => Promise<number>, read: (after: K | null, limit: number) => Promise<T[]>, keyOf: (row: T) => K): PagedList<T> {
  return {
    count,
    async *pages(size: number) {
      let after: K | null = null;
      for (;;) {
        const rows = await read(after, size + 1);
        const page = rows.slice(0, size);
        if (page.length) yield page;
        if (rows.length <= size) return;
        after = keyOf(page[page.length - 1]);
      }
    },
  };
}

/** The keyset condition "after (createdAt, id)" on `alias`, oldest first: for lists ordered by creation, then id. */
export const afterCreated = (alias: string) => `(${alias}.createdAt > :afterCreatedAt OR (${alias}.createdAt = :afterCreatedAt AND ${alias}.id > :afterId))`;
export const createdKey = (row: { createdAt: Date; id: string }) => ({ createdAt: row.createdAt, id: row.id });
export const afterCreatedParameters = (after: { createdAt: Date; id: string }) => ({ afterCreatedAt: after.createdAt, afterId: after.id });

/** Each page of `pages` mapped row by row. */
export async function* mapPages<T, U>(pages: AsyncIterable<T[]>, map: (row: T) => U): AsyncIterable<U[]> {
  for await (const page of pages) yield page.map(map);
}
