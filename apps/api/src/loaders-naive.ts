import DataLoader from 'dataloader';
import type { Application } from './application';
import { createLoaders, Loaders } from './loaders';

/**
 * The benchmark's naive peer (tools/bench, docs/benchmarks.md): the same
 * resolvers, but every relation loaded lazily per parent, one query each,
 * nothing batched or cached within the request (what per-row lazy loading
 * in an ORM does). Each load runs on a fresh loader set, so a batch is one
 * key and a cache holds one call. Selected only with CANOPY_NAIVE_LOADERS=1
 * outside production; never the default.
 */
export function createNaiveLoaders(app: Application): Loaders {
  const template = createLoaders(app);
  const naive: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(template)) {
    const fresh = () => createLoaders(app)[name as keyof Loaders];
    if (value instanceof DataLoader) {
      naive[name] = new DataLoader(async (keys: readonly unknown[]) => [await (fresh() as DataLoader<unknown, unknown>).load(keys[0])], { batch: false, cache: false });
    } else if (typeof value === 'function') {
      naive[name] = (...args: unknown[]) => (fresh() as (...a: unknown[]) => unknown)(...args);
    } else {
      naive[name] = value;
    }
  }
  return naive as Loaders;
}
