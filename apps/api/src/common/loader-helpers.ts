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

/** A service's fact as of an instant; `at: null` (where a loader allows it) means as it is now. */
export interface AsOfKey<At extends Date | null = Date> {
  serviceId: string;
  at: At;
}

const asOfKey = (key: AsOfKey<Date | null>) => `${key.serviceId}@${key.at ? key.at.getTime() : 'now'}`;

/**
 * A loader of one value per (service, instant): the keys of a batch are
 * grouped by instant and each group is one fetch, so a list of services asked
 * about at one instant costs the statements of one fetch.
 */
export function asOfLoader<V, At extends Date | null = Date>(
  fetch: (serviceIds: string[], at: At) => Promise<ReadonlyMap<string, V>>,
  absent: V,
): DataLoader<AsOfKey<At>, V, string> {
  return new DataLoader<AsOfKey<At>, V, string>(
    async (keys) => {
      const byInstant = new Map<string, { at: At; serviceIds: string[] }>();
      for (const key of keys) {
        const instant = key.at ? String(key.at.getTime()) : 'now';
        const group = byInstant.get(instant) ?? { at: key.at, serviceIds: [] };
        group.serviceIds.push(key.serviceId);
        byInstant.set(instant, group);
      }
      const results = new Map<string, V>();
      for (const { at, serviceIds } of byInstant.values()) {
        const found = await fetch(serviceIds, at);
        for (const serviceId of serviceIds) results.set(asOfKey({ serviceId, at }), found.get(serviceId) ?? absent);
      }
      return keys.map((key) => results.get(asOfKey(key)) ?? absent);
    },
    { cacheKeyFn: asOfKey },
  );
}

/** A value read at most once per request, on first use. */
export function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= read());
}

/** The request's one instant: every read that means "now" in a request uses it (made in createLoaders). */
export interface RequestNow {
  now: Date;
}

/** The row a record points at, mapped to its GraphQL type; a dangling reference is a server error, never null. */
export async function loadReferenced<R, T>(loader: { load(id: string): Promise<R | null | undefined> }, id: string, map: (row: R) => T, what: string): Promise<T> {
  const row = await loader.load(id);
  if (!row) throw new Error(`no ${what} ${id}`);
  return map(row);
}
