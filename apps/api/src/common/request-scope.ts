import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryTally } from '@canopy/persistence';

/**
 * The statements a request has issued so far, for the query logger, which
 * gets no context object. Only a server that reports the count
 * (CANOPY_SQL_COUNT) enters this scope: on Node 20 the first AsyncLocalStorage
 * entered turns on promise hooks for the whole process, about a tenth of a
 * service list's CPU.
 */
const scope = new AsyncLocalStorage<QueryTally>();

export const runWithTally = <T>(tally: QueryTally, fn: () => T): T => scope.run(tally, fn);
export const currentRequestTally = (): QueryTally | undefined => scope.getStore();

/**
 * The request id of each error a GraphQL request met, for the error
 * formatter (Apollo calls formatError without the request's context): tagged
 * by server.ts's didEncounterErrors hook, which Apollo runs just before it
 * formats the same error objects.
 */
const requestIdOfError = new WeakMap<object, string>();

export function tagErrorsWithRequestId(errors: readonly object[], requestId: string): void {
  for (const error of errors) requestIdOfError.set(error, requestId);
}

export const requestIdOf = (error: unknown): string | undefined => (typeof error === 'object' && error !== null ? requestIdOfError.get(error) : undefined);
