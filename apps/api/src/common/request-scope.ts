import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryTally } from '@canopy/persistence';

export interface RequestScope {
  requestId: string;
  /** The SQL statements the request has issued so far. */
  tally?: QueryTally;
}

/** The current request's id and statement tally, readable wherever no context object is passed (error formatting, logs, the query logger). */
const scope = new AsyncLocalStorage<RequestScope>();

export const runInRequestScope = <T>(request: RequestScope, fn: () => T): T => scope.run(request, fn);
export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;
export const currentRequestTally = (): QueryTally | undefined => scope.getStore()?.tally;
