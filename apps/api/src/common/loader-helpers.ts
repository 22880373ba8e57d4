import DataLoader from 'dataloader';

/** A loader of one row per key: one statement per batch, results in key order, null where absent. */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of many rows per key (a one-to-many relation), grouped in key order. */
export function groupLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, V[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
