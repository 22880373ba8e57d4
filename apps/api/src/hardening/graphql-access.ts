import type { Request, RequestHandler, Response } from 'express';
import type { Authenticator, Credentials } from '../auth/authenticator';
import { isConnectionError } from '../common/format-error';
import { RETRY_AFTER_SECONDS } from './graphql-guard.plugin';
import { sendRequestError } from './request-errors';

export type SignedIn = Extract<Credentials, { kind: 'viewer' }>;

const MESSAGES = {
  none: 'Sign in or send an API token (Authorization: Bearer ...).',
  invalid: 'The API token or session is invalid, expired or revoked.',
} as const;

/**
 * Authentication comes first on /graphql, before the body is read and long
 * before the document is parsed or validated: an anonymous caller (or one
 * with a bad token or an ended session) gets 401 UNAUTHENTICATED and learns
 * nothing of the schema, not even from validation hints ("Did you mean
 * ...?"). The credentials are kept for the GraphQL context (credentialsOf).
 */
export function requireCredentials(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    let credentials: Credentials;
    try {
      credentials = await authenticator.fromRequest(req);
    } catch (error) {
      if (!isConnectionError(error)) return next(error);
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      return sendRequestError(req, res, 503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.');
    }
    if (credentials.kind !== 'viewer') return sendRequestError(req, res, 401, 'UNAUTHENTICATED', MESSAGES[credentials.kind]);
    res.locals.credentials = credentials;
    next();
  };
}

/** The credentials requireCredentials admitted. */
export function credentialsOf(res: Response): SignedIn {
  const credentials = res.locals.credentials as SignedIn | undefined;
  if (!credentials) throw new Error('credentialsOf() called before requireCredentials');
  return credentials;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-origin protection for the session cookie. A request that changes
 * something (any method but GET, HEAD, OPTIONS) and is authenticated by the
 * cookie must come from this server's own origin or one CANOPY_CORS_ORIGINS
 * names; otherwise 403 FORBIDDEN. Bearer-token requests are exempt: a page
 * cannot make a browser attach a token. The decision, as Go's
 * http.CrossOriginProtection makes it:
 * 1. an Origin listed in CANOPY_CORS_ORIGINS passes;
 * 2. else Sec-Fetch-Site, when the browser sends it, decides: `same-origin`
 *    or `none` (typed by the user) pass, `same-site` and `cross-site` do not;
 * 3. else an Origin passes when its host (name and port) is this request's
 *    Host (X-Forwarded-Host behind a trusted proxy);
 * 4. a request with neither header passes: browsers send at least one of them
 *    on every POST, so it does not come from a page (curl, scripts).
 */
export function sameOriginSessions(trustedOrigins: string[]): RequestHandler {
  const trusted = new Set(trustedOrigins);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || credentialsOf(res).viewer.via !== 'session') return next();
    const refusal = crossOriginRefusal(req, trusted);
    if (!refusal) return next();
    sendRequestError(req, res, 403, 'FORBIDDEN', `${refusal} A request signed in with the console's session must come from the console's own origin (or one CANOPY_CORS_ORIGINS names); scripts use an API token.`);
  };
}

function crossOriginRefusal(req: Request, trusted: Set<string>): string | null {
  const origin = req.headers.origin;
  if (origin && trusted.has(origin)) return null;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    return site === 'same-origin' || site === 'none' ? null : `This request came from another ${site === 'same-site' ? 'origin of this site' : 'site'}.`;
  }
  if (!origin) return null;
  return hostOf(origin) !== null && hostOf(origin) === req.host?.toLowerCase() ? null : `This request came from ${origin}.`;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
