import express, { RequestHandler } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Authenticator } from '../auth/authenticator';
import type { HardeningConfig } from '../config';
import type { AppContext } from '../context';
import { requireCredentials, sameOriginSessions } from './graphql-access';
import { graphqlGuardPlugin } from './graphql-guard.plugin';
import { operationGate } from './operation-gate';
import { cors, explorerGate, securityHeaders } from './http-policies';
import { loginRateLimit } from './login-rate-limit';
import { batchLimit, documentNestingLimit, graphqlBody, RequestDeadlines } from './request-guards';

export { credentialsOf } from './graphql-access';

/** Everything apps/api/src/hardening adds to the server, in the order server.ts mounts it. */
export interface Hardening {
  /** Before every route: CORS, then security headers. */
  headers: RequestHandler[];
  /** On POST /auth/login, before the route: its JSON body, then the rate limits. */
  login: RequestHandler[];
  /**
   * On /graphql, before Apollo: the time limit, authentication (401 before
   * anything is read), the session cookie's same-origin rule, the body
   * (size-limited), the batch limit and the bracket-nesting limit; then the
   * operation gate (at most so many operations at once, the others in turn).
   */
  graphql: RequestHandler[];
  /** On other authenticated routes (the evidence bundle): authentication only, 401 before anything is read; credentialsOf() after. */
  authenticated: RequestHandler[];
  /** On /explorer, before the console. */
  explorer: RequestHandler;
  /** Apollo Server options. */
  apollo: Pick<
    ApolloServerOptions<AppContext>,
    | 'parseOptions'
    | 'allowBatchedHttpRequests'
    | 'csrfPrevention'
    | 'introspection'
    | 'stopOnTerminationSignals'
    | 'includeStacktraceInErrorResponses'
    | 'persistedQueries'
  >;
  plugins: ApolloServerPlugin<AppContext>[];
  /** Wraps the error formatter: a document over the token limit is QUERY_TOO_COMPLEX naming the variable. */
  formatError(inner: FormatError): FormatError;
  deadlines: RequestDeadlines;
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A GraphQLError made by Apollo for a bad request: a 4xx status, and no exception underneath. */
function isRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError) return false;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** A validation error whose cause is a scalar's own BAD_USER_INPUT (common/scalars.ts). */
function refusedByScalar(error: unknown): boolean {
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  return cause instanceof GraphQLError && cause.extensions?.code === 'BAD_USER_INPUT';
}

export function createHardening(config: HardeningConfig, authenticator: Authenticator): Hardening {
  const deadlines = new RequestDeadlines(config.requestTimeoutMs);
  return {
    headers: [cors(config.corsOrigins), securityHeaders()],
    login: [express.json({ limit: '16kb' }), ...loginRateLimit(config.login)],
    graphql: [
      deadlines.middleware,
      requireCredentials(authenticator),
      sameOriginSessions(config.corsOrigins),
      graphqlBody(config.maxBodyBytes),
      batchLimit(config.maxBatchOperations),
      documentNestingLimit(),
      operationGate(config.maxConcurrentOperations),
    ],
    authenticated: [requireCredentials(authenticator)],
    explorer: explorerGate(authenticator),
    apollo: {
      // Parsing stops at this many tokens, before validation (whose cost grows faster than the document).
      parseOptions: { maxTokens: config.maxTokens },
      allowBatchedHttpRequests: config.maxBatchOperations > 1,
      // Apollo's CSRF prevention: a GET, or a POST that is not JSON, needs a header no simple request can set.
      csrfPrevention: true,
      // Introspection is on for signed-in users in every environment; anonymous callers never reach Apollo.
      introspection: true,
      // main.ts owns SIGTERM (graceful shutdown, exit 0): Apollo must not re-raise the signal.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      // No client uses automatic persisted queries; off, there is no query cache for strangers to fill.
      persistedQueries: false,
    },
    plugins: [
      // Apollo's landing page loads its Sandbox from a CDN: the console's explorer (/explorer) replaces it.
      ApolloServerPluginLandingPageDisabled(),
      graphqlGuardPlugin(config, deadlines),
    ],
    formatError: (inner) => (formatted, error) => {
      const tokens = /Document contains more th(?:an|at) (\d+) tokens/.exec(formatted.message);
      if (tokens) {
        return {
          message: `The document has more than ${tokens[1]} tokens (CANOPY_MAX_QUERY_TOKENS): send a smaller query and pass values as variables.`,
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: Number(tokens[1]) },
        };
      }
      // graphql-js stops coercing variables after 50 errors with an error of its own, without a code.
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && /^Too many errors processing variables/.test(formatted.message)) {
        return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
      }
      // A scalar refusing an inline value (2026-02-30 as a DateTime literal) fails validation; the value is wrong, as it would be in a variable.
      if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && refusedByScalar(error)) {
        return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
      }
      // Apollo's own request errors (a 4xx it chose) sometimes carry no code: they are the client's, not internal.
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && isRequestError(error)) {
        return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
      }
      return inner(formatted, error);
    },
    deadlines,
  };
}
