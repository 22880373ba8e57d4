import type { TLSSocket } from 'node:tls';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Authenticator } from '../auth/authenticator';

/**
 * The Content-Security-Policy of everything the server sends: the console (a
 * Vite bundle served from this origin, no CDN) and its GraphiQL explorer.
 * - scripts only from this origin, none inline, no eval;
 * - styles from this origin plus inline ones (Mantine, React Flow and the
 *   Monaco editor set style attributes and inject <style> elements);
 * - workers from this origin (Monaco's language workers are bundled files);
 * - fonts and images from this origin or data: (GraphiQL inlines fonts);
 * - requests (fetch) only to this origin; never framed; no plugins.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

/**
 * Helmet's headers with the policy above. Over HTTPS (directly, or through a
 * trusted proxy's X-Forwarded-Proto) the browser is also told to stay on
 * HTTPS (HSTS, upgrade-insecure-requests); over plain HTTP those would only
 * break a local or intranet install.
 */
export function securityHeaders(): RequestHandler {
  const common = {
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const overHttps = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': [] } },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  const overHttp = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
  });
  return (req, res, next) => (overTls(req) ? overHttps : overHttp)(req, res, next);
}

/**
 * `req.secure`, without its trust-proxy check when no proxy sent
 * X-Forwarded-Proto: the answer is then the socket's own, and the check
 * parses the peer's address on every request.
 */
function overTls(req: Request): boolean {
  return req.headers['x-forwarded-proto'] === undefined ? Boolean((req.socket as TLSSocket).encrypted) : req.secure;
}

const ALLOWED_HEADERS = 'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name';

/**
 * CORS, closed unless CANOPY_CORS_ORIGINS names the origin: a browser page
 * from any other origin cannot read an answer, and its preflight is refused.
 * Same-origin requests (the console served by this server) need none of it.
 */
export function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary('Origin');
    const preflight = req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string';
    if (!origin || !allowed.has(origin)) {
      if (preflight && origin) {
        res.status(403).type('text').send('This origin may not call the Canopy API (CANOPY_CORS_ORIGINS).');
        return;
      }
      return next();
    }
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    if (preflight) {
      res.setHeader('access-control-allow-methods', 'GET, POST');
      res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * The explorer is for signed-in users: a visit to /explorer without a valid
 * session is sent to the sign-in page, which returns there after. (The schema
 * itself is guarded by refusing anonymous introspection; this keeps the page
 * from opening at all.) When the database cannot say, the console's own guard
 * decides.
 */
export function explorerGate(authenticator: Authenticator): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    try {
      const credentials = await authenticator.fromRequest(req);
      if (credentials.kind === 'viewer') return next();
    } catch {
      return next();
    }
    res.redirect(302, `/signin?next=${encodeURIComponent(req.originalUrl)}`);
  };
}
