import type { GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { CLIENT_ERROR_CODES } from './errors';
import { requestIdOf } from './request-scope';

export interface ErrorSink {
  error(details: Record<string, unknown>, message: string): void;
}

/** Driver codes that mean the database is away (or going away), not that the statement was wrong. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ETIMEDOUT',
  'EPIPE',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);

/**
 * Client mistakes keep their code and message; validation errors become one
 * readable sentence; everything else is logged with its stack and replaced by
 * a generic message, so no stack, SQL or driver code leaves the server.
 */
export function createErrorFormatter(log: ErrorSink) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    const code = String(formatted.extensions?.code ?? '');
    if (code === 'BAD_USER_INPUT' && formatted.extensions?.validationErrors) {
      const problems = describeValidation(formatted.extensions.validationErrors as ValidationError[]);
      return { message: `Invalid input: ${problems.join('; ')}`, path: formatted.path, locations: formatted.locations, extensions: { code, problems } };
    }
    if (CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isConnectionError(original)) {
      return { message: 'The database is unavailable; try again shortly.', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    const requestId = requestIdOf(error);
    log.error({ err: original ?? error, path: formatted.path, requestId }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
  };
}

type Cause = { originalError?: unknown; code?: string; driverError?: { code?: string } };

function rootCause(error: unknown): Cause | undefined {
  let current = error as Cause | undefined;
  while (current?.originalError) current = current.originalError as Cause;
  return current;
}

/** True for a lost or refused database connection, however deeply wrapped (mysql2 marks them `fatal`). */
export function isConnectionError(error: unknown): boolean {
  const cause = rootCause(error) as (Cause & { fatal?: boolean; driverError?: { fatal?: boolean } }) | undefined;
  const code = cause?.code ?? cause?.driverError?.code;
  return Boolean((code && CONNECTION_ERRORS.has(code)) || cause?.fatal === true || cause?.driverError?.fatal === true);
}

function describeValidation(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((text) => `${field}: ${text}`);
    return [...own, ...describeValidation(e.children ?? [], field)];
  });
}
