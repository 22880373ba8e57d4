import type { RequestHandler } from 'express';
import { serializeBundle } from '@canopy/evidence';
import type { Viewer } from '../../auth/viewer';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import type { Clock } from '../../common/clock';
import { CanopyError } from '../../common/errors';
import type { EvidenceBundles } from './evidence-bundle.app-service';

/** Where the CLI (`canopy export evidence`) and the console fetch a bundle. */
export const EVIDENCE_BUNDLE_PATH = '/evidence/bundle';

/** The bytes written at a time, so a slow client holds back the writes (and sees its progress). */
const CHUNK_BYTES = 256 * 1024;

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * GET /evidence/bundle?at=ISO: the evidence bundle as of `at` (default: now), signed, as canonical JSON
 * (application/json with its Content-Length, so a client can show its progress). AUDITOR,
 * PRIVACY_OFFICER and ADMIN only; the caller is authenticated by the route's guard (an API token or the
 * console's session). A refusal is shaped like a GraphQL error: `{ errors: [{ message, extensions: { code } }] }`.
 */
export function evidenceBundleRoute(bundles: EvidenceBundles, clock: Clock, viewerOf: (res: Parameters<RequestHandler>[1]) => Viewer): RequestHandler {
  return async (req, res, next) => {
    try {
      const viewer = viewerOf(res);
      if (!READERS_OF_AUDIT.some((role) => viewer.roles.includes(role))) {
        throw new CanopyError('FORBIDDEN', `Evidence bundles are for ${READERS_OF_AUDIT.join(', ')}.`);
      }
      const at = typeof req.query.at === 'string' && req.query.at !== '' ? new Date(req.query.at) : null;
      if (req.query.at !== undefined && typeof req.query.at !== 'string') throw new CanopyError('BAD_USER_INPUT', 'at must be one ISO 8601 instant.', { argument: 'at' });
      const body = Buffer.from(serializeBundle(await bundles.build(at, clock.now())), 'utf8');
      res.status(200).type('application/json').set('content-length', String(body.length)).set('cache-control', 'no-store');
      for (let offset = 0; offset < body.length; offset += CHUNK_BYTES) {
        if (!res.write(body.subarray(offset, offset + CHUNK_BYTES))) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      const code = error instanceof CanopyError ? String(error.extensions.code) : null;
      if (code && STATUS[code] && !res.headersSent) {
        res.status(STATUS[code]).json({ errors: [{ message: error instanceof Error ? error.message : String(error), extensions: error instanceof CanopyError ? error.extensions : {} }] });
        return;
      }
      next(error);
    }
  };
}
