/**
 * Bound-variable lists stay under SQLite's 32,766 limit: an `IN (...)` of
 * any number of keys is one statement per 10,000 keys.
 */
export const KEY_CHUNK = 10_000;

/** Fetches rows for `keys` (repeats dropped) in chunks of KEY_CHUNK, concatenated in order. */
export async function inChunks<K, T>(keys: readonly K[], fetch: (chunk: K[]) => Promise<T[]>, size = KEY_CHUNK): Promise<T[]> {
  const unique = [...new Set(keys)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += size) out.push(...(await fetch(unique.slice(i, i + size))));
  return out;
}

/** Groups rows by their service, in row order. */
export function groupByService<T extends { serviceId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.serviceId);
    if (list) list.push(row);
    else map.set(row.serviceId, [row]);
  }
  return map;
}

/** Writes `items` in batches of `size`, one after another (a multi-row INSERT or an `IN (...)` UPDATE each). */
export async function inBatches<T>(items: readonly T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}
