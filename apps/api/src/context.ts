import type { QueryTally } from '@canopy/persistence';
import type { Application } from './application';
import type { Credentials } from './auth/authenticator';
import type { Viewer } from './auth/viewer';
import type { Loaders } from './loaders';

/** Everything a resolver sees: built fresh for every request. */
export interface AppContext {
  requestId: string;
  tally: QueryTally;
  credentials: Credentials;
  viewer: Viewer | null;
  app: Application;
  loaders: Loaders;
}

/** For resolvers behind @Authorized(): the checker has already refused anonymous callers. */
export function viewerOf(context: AppContext): Viewer {
  if (!context.viewer) throw new Error('viewerOf() called on an unauthenticated request');
  return context.viewer;
}
