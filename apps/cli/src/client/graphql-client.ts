import type { ConnectionConfig } from '../config';
import { CliError } from '../errors';
import { EXIT, ExitCode } from '../exit-codes';
import type { Operation } from './graphql';

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; argument?: string; [key: string]: unknown };
}

/** Error codes that mean the request's content was wrong: the user fixes the input (exit 2). */
const INPUT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'CHECKS_FAILED',
  'NOTICE_REQUIRED',
  'LOCKED_CLAUSE',
  'GRAPHQL_VALIDATION_FAILED',
]);

/** A GraphQL error answer: carries the server's code and, for input errors, the argument path. */
export class ApiError extends CliError {
  constructor(
    message: string,
    exitCode: ExitCode,
    readonly code: string,
    readonly argument?: string,
    /** Located problems the server listed (e.g. `clauses[2].value: ...`). */
    readonly serverProblems: string[] = [],
  ) {
    super(message, exitCode, { code });
  }

  static fromErrors(errors: GraphQLErrorEntry[], operation: string): ApiError {
    const first = errors[0];
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const exitCode = INPUT_CODES.has(code) ? EXIT.INPUT : EXIT.SERVER;
    const argument = typeof first.extensions?.argument === 'string' ? first.extensions.argument : undefined;
    const problems = Array.isArray(first.extensions?.problems) ? (first.extensions.problems as unknown[]).filter((p): p is string => typeof p === 'string') : [];
    return new ApiError(`${operation}: ${code}: ${first.message}`, exitCode, code, argument, problems);
  }
}

/** Variables may be left out only when the operation declares none that are required. */
type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface GraphQLClient {
  /** Runs one operation; `operation` names it in error messages. */
  request<R, V>(operation: string, document: Operation<R, V>, ...variables: VariablesArgument<V>): Promise<R>;
}

/** Fetch-based GraphQL over HTTP with a bearer token; every failure becomes a CliError with its exit code. */
export function createClient(config: ConnectionConfig, fetchImpl: typeof fetch, timeoutMs = 60_000): GraphQLClient {
  return {
    async request<R, V>(operation: string, document: Operation<R, V>, ...[variables]: VariablesArgument<V>): Promise<R> {
      let response: Response;
      try {
        response = await fetchImpl(config.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            authorization: `Bearer ${config.token}`,
          },
          body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (error as Error).message;
        throw new CliError(`Cannot reach the Canopy API at ${config.endpoint}: ${why}`, EXIT.SERVER, { code: 'NETWORK' });
      }
      let body: { data?: R | null; errors?: GraphQLErrorEntry[] };
      const text = await response.text();
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new CliError(`${operation}: the server answered HTTP ${response.status} with no GraphQL response (is ${config.endpoint} the Canopy API?)`, EXIT.SERVER, {
          code: `HTTP_${response.status}`,
        });
      }
      if (body.errors?.length) throw ApiError.fromErrors(body.errors, operation);
      if (!response.ok || body.data == null) {
        throw new CliError(`${operation}: the server answered HTTP ${response.status}`, EXIT.SERVER, { code: `HTTP_${response.status}` });
      }
      return body.data;
    },
  };
}
