import type { RequestHandler, Response } from 'express';
import { serializeBundle } from '@canopy/evidence';
import type { Viewer } from '../../auth/viewer';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import type { Clock } from '../../common/clock';
import { CanopyError } from '../../common/errors';
import type { EvidenceBundles, PreparedBundle } from './evidence-bundle.app-service';

/** Where the CLI (`canopy export evidence`) and the console fetch a bundle. */
export const EVIDENCE_BUNDLE_PATH = '/evidence/bundle';

/** The bytes written at a time, so a slow client holds back the writes (and sees its progress). */
const CHUNK_BYTES = 256 * 1024;
/**
 * A bundle not built by then is answered at once (200, chunked) and kept alive with a space every
 * KEEP_ALIVE_MS while it is built: clients give up waiting for headers (Node's fetch after 300 s),
 * and JSON allows whitespace before the value (the signature covers the canonical JSON, not the bytes).
 */
const KEEP_ALIVE_MS = 10_000;

type BundleMaker = Pick<EvidenceBundles, 'prepare' | 'assemble'>;

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

async function send(res: Response, body: Buffer): Promise<void> {
  for (let offset = 0; offset < body.length; offset += CHUNK_BYTES) {
    if (!res.write(body.subarray(offset, offset + CHUNK_BYTES))) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * GET /evidence/bundle?at=ISO: the evidence bundle as of `at` (default: now), signed, as canonical JSON.
 * AUDITOR, PRIVACY_OFFICER and ADMIN only; the caller is authenticated by the route's guard (an API
 * token or the console's session). A refusal is shaped like a GraphQL error:
 * `{ errors: [{ message, extensions: { code } }] }`. A bundle built within 10 s is sent with its
 * Content-Length (a client shows a progress bar); a longer build answers at once and sends spaces
 * until the bundle follows (a failure then cuts the connection: the client sees a broken download).
 */
export function evidenceBundleRoute(bundles: BundleMaker, clock: Clock, viewerOf: (res: Response) => Viewer, keepAliveMs = KEEP_ALIVE_MS): RequestHandler {
  return async (req, res, next) => {
    let prepared: PreparedBundle;
    try {
      const viewer = viewerOf(res);
      if (!READERS_OF_AUDIT.some((role) => viewer.roles.includes(role))) {
        throw new CanopyError('FORBIDDEN', `Evidence bundles are for ${READERS_OF_AUDIT.join(', ')}.`);
      }
      if (req.query.at !== undefined && typeof req.query.at !== 'string') throw new CanopyError('BAD_USER_INPUT', 'at must be one ISO 8601 instant.', { argument: 'at' });
      const at = typeof req.query.at === 'string' && req.query.at !== '' ? new Date(req.query.at) : null;
      prepared = await bundles.prepare(at, clock.now());
    } catch (error) {
      const code = error instanceof CanopyError ? String(error.extensions.code) : null;
      if (code && STATUS[code]) {
        res.status(STATUS[code]).json({ errors: [{ message: (error as Error).message, extensions: (error as CanopyError).extensions }] });
        return;
      }
      next(error);
      return;
    }
    res.status(200).type('application/json').set('cache-control', 'no-store');
    const building = bundles.assemble(prepared).then((bundle) => Buffer.from(serializeBundle(bundle), 'utf8'));
    building.catch(() => undefined); // awaited below
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), keepAliveMs)));
    try {
      const first = await Promise.race([building, slow]);
      clearTimeout(timer);
      if (first !== 'slow') {
        res.set('content-length', String(first.length));
        await send(res, first);
        return;
      }
      res.flushHeaders();
      const keepAlive = setInterval(() => res.write(' '), keepAliveMs);
      try {
        await send(res, await building);
      } finally {
        clearInterval(keepAlive);
      }
    } catch (error) {
      if (!res.headersSent) return next(error);
      res.destroy(error as Error);
    }
  };
}
