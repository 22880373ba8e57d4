import { GraphQLError } from 'graphql';

/** The error codes of DESIGN.md section 6, plus the transport ones. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'INVALID_TRANSITION'
  | 'CHECKS_FAILED'
  | 'NOTICE_REQUIRED'
  | 'LOCKED_CLAUSE'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  | 'RESULT_TOO_LARGE';

export class CanopyError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const unauthenticated = (message = 'Sign in or send an API token (Authorization: Bearer ...).') =>
  new CanopyError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new CanopyError('FORBIDDEN', message);
export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new CanopyError('BAD_USER_INPUT', message, details);
export const notFound = (what: string, key: string) => new CanopyError('NOT_FOUND', `${what} "${key}" does not exist.`);
export const versionConflict = (what: string, expected: number, actual: number) =>
  new CanopyError(
    'VERSION_CONFLICT',
    `${what} is at version ${actual}, not ${expected}: someone else changed it. Reload and try again.`,
    { currentVersion: actual },
  );
/** A list that grows with the organisation holds more than the configured limit: the client should page instead. */
export const resultTooLarge = (list: string, limit: number, instead: string) =>
  new CanopyError('RESULT_TOO_LARGE', `${list} would hold more than ${limit} entries, the most one answer may hold: ${instead}.`, { limit });
export const invalidTransition = (message: string) => new CanopyError('INVALID_TRANSITION', message);

/** Codes a client may see as they are; anything else is masked. */
export const CLIENT_ERROR_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'CHECKS_FAILED',
  'NOTICE_REQUIRED',
  'LOCKED_CLAUSE',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'RESULT_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
