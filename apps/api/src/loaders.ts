import type { Database } from './common/database';
import { createIdentityLoaders } from './modules/identity/identity.loaders';
import { createServiceLoaders } from './modules/services/service.loaders';

/** One DataLoader per relation, made fresh for each request so nothing outlives it. */
export function createLoaders(db: Database) {
  return {
    ...createIdentityLoaders(db),
    ...createServiceLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
