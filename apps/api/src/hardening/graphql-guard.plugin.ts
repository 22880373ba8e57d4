import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { heapNearLimit, shortOfMemory } from '../common/memory-guard';
import type { AppContext } from '../context';
import { createOperationAnalyzer } from './operation-analyzer';
import type { QueryLimits } from './query-analysis';
import type { RequestDeadlines } from './request-guards';

/** How long a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The per-operation guards, once the operation is parsed and validated and
 * before any resolver runs:
 * - depth, alias and cost limits: QUERY_TOO_COMPLEX with HTTP 400, naming the
 *   limit and its environment variable;
 * - a mutation is exempt from the request time limit from here on;
 * - a query is refused (SERVICE_UNAVAILABLE, 503) while the heap is near its
 *   limit, so the requests in flight finish instead of the process dying;
 * - an answer carrying SERVICE_UNAVAILABLE (the database went away while it
 *   ran) is sent as HTTP 503 with Retry-After, so clients and load balancers
 *   know to retry.
 */
export function graphqlGuardPlugin(limits: QueryLimits & { heapCeiling?: number }, deadlines: RequestDeadlines | null): ApolloServerPlugin<AppContext> {
  const analyzeOperation = createOperationAnalyzer(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return;
          const { violation } = analyzeOperation(schema, document, operation, request.variables ?? {});
          if (violation) {
            throw new GraphQLError(`${violation.message} (${violation.variable})`, {
              extensions: {
                code: 'QUERY_TOO_COMPLEX',
                limit: violation.limit,
                max: violation.max,
                actual: Number.isFinite(violation.actual) ? violation.actual : null,
                http: { status: 400 },
              },
            });
          }
          if (operation.operation !== 'query') deadlines?.disarm(contextValue.requestId);
          else if (heapNearLimit(limits.heapCeiling)) throw shortOfMemory('start this query');
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
