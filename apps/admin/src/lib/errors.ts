import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { inWords } from './format';

/** The error codes of the API (DESIGN.md section 6), each said in words. */
const GENERIC: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'Your role does not allow this.',
  BAD_USER_INPUT: 'Some of the values were not accepted.',
  NOT_FOUND: 'It no longer exists, or the link is wrong.',
  VERSION_CONFLICT: 'Someone else changed this while you were looking at it. It has been reloaded: check it and try again.',
  INVALID_TRANSITION: 'This action is not possible in its current state. It may have been decided already.',
  CHECKS_FAILED: 'Some checks do not pass, so it cannot be approved yet.',
  NOTICE_REQUIRED: 'This change reduces users\u2019 rights, so users must be told in advance.',
  LOCKED_CLAUSE: 'The global policy locks this clause: a service policy may not weaken it.',
  QUERY_TOO_COMPLEX: 'The request asks for too much at once. Narrow it down.',
  RESULT_TOO_LARGE: 'The organisation is too large to show this in one piece.',
  INTERNAL_SERVER_ERROR: 'The server could not complete the request. Try again in a moment.',
  GRAPHQL_VALIDATION_FAILED: 'The console and the server disagree about this request. Reload the page; if it persists, the server may be older than the console.',
};

/** The opening of a server sentence that only repeats what the code's own sentence already says. */
const REPEATED_LEAD: Record<string, RegExp> = {
  NOTICE_REQUIRED: /(^|: )this (?:version|change) reduces users[\u2019']? rights[:;,]?\s*/i,
  CHECKS_FAILED: /(^|: )(?:some )?checks (?:do not pass|failed)[:;,]?\s*/i,
};

/** The server's sentence in words, without what the code's sentence already says; empty when nothing is left. */
function serverDetail(code: string, message: string): string {
  const lead = REPEATED_LEAD[code];
  return inWords(lead ? message.replace(lead, '$1') : message);
}

export interface DescribedError {
  code: string;
  /** The sentence to show: the generic meaning of the code, followed by the server's own words when they add something. */
  message: string;
  /** The server's message, as given. */
  detail?: string;
}

function codeOf(extensions: unknown): string {
  const code = (extensions as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Turns any Apollo error into sentences a reviewer can act on; never a stack trace. */
export function describeErrors(error: unknown): DescribedError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const code = codeOf(e.extensions);
      const generic = GENERIC[code] ?? 'The request failed.';
      const detail = e.message && code !== 'INTERNAL_SERVER_ERROR' ? e.message : undefined;
      const words = detail ? serverDetail(code, detail) : '';
      return { code, message: words && words !== generic ? `${generic} ${words}` : generic, detail };
    });
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return [{ code: 'UNAUTHENTICATED', message: GENERIC.UNAUTHENTICATED }];
    if (error.statusCode === 429) return [{ code: 'RATE_LIMITED', message: 'Too many requests. Wait a moment and try again.' }];
    return [{ code: 'SERVER_ERROR', message: `The server answered with an error (HTTP ${error.statusCode}). Try again in a moment.` }];
  }
  if (ServerParseError.is(error)) {
    return [{ code: 'SERVER_ERROR', message: 'The server sent a response the console could not read. Try again in a moment.' }];
  }
  const message = (error as { message?: string }).message ?? '';
  if (/fetch|network/i.test(message)) {
    return [{ code: 'NETWORK', message: 'The server cannot be reached. Check your connection and try again.' }];
  }
  return [{ code: 'UNKNOWN', message: message || 'Something went wrong.' }];
}

export function errorCodes(error: unknown): string[] {
  return describeErrors(error).map((e) => e.code);
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return errorCodes(error).includes(code);
}

/**
 * A write made against the version the page read: when someone else changed the
 * object first (VERSION_CONFLICT), `reload` runs; the error still reaches the form,
 * which says so in words.
 */
export async function reloadingWhenStale<T>(write: Promise<T>, reload: () => unknown): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (hasErrorCode(e, 'VERSION_CONFLICT')) await reload();
    throw e;
  }
}

/** A server sentence as it should sit under a field: its argument path left out, starting with a capital, ending with a full stop. */
export function asFieldSentence(message: string, argument: string): string {
  // The field is named by where the sentence sits: drop a leading `argument:` or `argument`.
  let text = message.trim();
  // Doubled prefixes (`items[2].purposes: items[2].purposes: ...`) are dropped as often as they repeat.
  while (text.startsWith(`${argument}: `) || text.startsWith(`${argument} `)) text = text.slice(argument.length + 1).trim();
  return inWords(text);
}

/**
 * The BAD_USER_INPUT errors that name an argument (`extensions.argument`),
 * as errors of the form's fields: `toField` maps the API's argument path
 * (`key`, `items[1].purposes`) to a field of the form, or null. Errors no
 * field takes are left to the form's alert.
 */
export function fieldErrorsOf(error: unknown, toField: (argument: string) => string | null = (a) => a): { fields: Record<string, string>; unplaced: boolean } {
  const fields: Record<string, string> = {};
  let unplaced = false;
  if (!CombinedGraphQLErrors.is(error)) return { fields, unplaced: Boolean(error) };
  for (const e of error.errors) {
    const argument = (e.extensions as { argument?: unknown } | undefined)?.argument;
    const field = codeOf(e.extensions) === 'BAD_USER_INPUT' && typeof argument === 'string' ? toField(argument) : null;
    if (field && !fields[field]) fields[field] = asFieldSentence(e.message, argument as string);
    else unplaced = true;
  }
  return { fields, unplaced };
}
