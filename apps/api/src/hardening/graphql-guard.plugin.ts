import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isConnectionError } from '../common/format-error';
import type { AppContext } from '../context';
import { analyzeOperation, QueryLimits } from './query-analysis';
import type { RequestDeadlines } from './request-guards';

/** How long a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export function databaseUnavailable(): GraphQLError {
  return new GraphQLError('The database is unavailable; try again shortly.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/**
 * Runs `work` (the per-request authentication, before GraphQL) and turns a
 * lost database connection into SERVICE_UNAVAILABLE with HTTP 503, where
 * Apollo would answer 500 for a failed context.
 */
export async function unavailableOnConnectionLoss<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isConnectionError(error) ? databaseUnavailable() : error;
  }
}

/**
 * The per-operation guards, once the operation is parsed and validated and
 * before any resolver runs:
 * - introspection (__schema, __type) only for signed-in callers: anonymous
 *   callers get UNAUTHENTICATED with HTTP 401;
 * - depth, alias and cost limits: QUERY_TOO_COMPLEX with HTTP 400, naming the
 *   limit and its environment variable;
 * - a mutation is exempt from the request time limit from here on;
 * - an answer carrying SERVICE_UNAVAILABLE (the database went away while it
 *   ran) is sent as HTTP 503 with Retry-After, so clients and load balancers
 *   know to retry.
 */
export function graphqlGuardPlugin(limits: QueryLimits, deadlines: RequestDeadlines | null): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          if (!operation) return;
          const { measures, violation } = analyzeOperation(schema, document, operation, request.variables ?? {}, limits);
          if (measures.introspection && !contextValue.viewer) {
            throw new GraphQLError('Introspection needs a signed-in user: sign in or send an API token (Authorization: Bearer ...).', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
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
