import type { QueryTally } from '@canopy/persistence';
import type { Credentials } from './authenticator';
import type { Viewer } from './viewer';

/**
 * What a resolver sees of its request: who asks, and the application
 * services and per-request loaders it uses. Each feature names the services
 * and loaders its resolvers need (its `*.context.ts`); the wiring root
 * (context.ts) builds one context that offers them all and checks at compile
 * time that it does.
 */
export interface RequestContext<App = unknown, Loaders = unknown> {
  requestId: string;
  /** The request's SQL statements so far, where the server counts them (CANOPY_SQL_COUNT). */
  tally?: QueryTally;
  credentials: Credentials;
  viewer: Viewer | null;
  app: App;
  loaders: Loaders;
}

/** For resolvers behind @Authorized(): the checker has already refused anonymous callers. */
export function viewerOf(context: { viewer: Viewer | null }): Viewer {
  if (!context.viewer) throw new Error('viewerOf() called on an unauthenticated request');
  return context.viewer;
}
