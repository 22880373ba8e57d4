import type { RequestHandler, Response } from 'express';
import type { Viewer } from '../../auth/viewer';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import type { Clock } from '../../common/clock';
import { CanopyError } from '../../common/errors';
import type { BundleSink, EvidenceBundles, PreparedBundle } from './evidence-bundle.app-service';

/** Where the CLI (`canopy export evidence`) and the console fetch a bundle. */
export const EVIDENCE_BUNDLE_PATH = '/evidence/bundle';

/**
 * While a piece takes longer than this to build, an empty line keeps the connection alive (clients give
 * up on a silent connection; the format skips blank lines).
 */
const KEEP_ALIVE_MS = 10_000;

type BundleMaker = Pick<EvidenceBundles, 'prepare' | 'write'>;

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

class ClientGone extends Error {}

/** Writes to the response, waiting for a slow client to drain; a client that went away stops the build. */
function responseSink(res: Response): BundleSink & { idleSince(): number } {
  let lastWrite = Date.now();
  return {
    idleSince: () => lastWrite,
    write: async (chunk) => {
      if (res.destroyed || res.writableEnded) throw new ClientGone('the client went away');
      lastWrite = Date.now();
      if (res.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', gone);
          resolve();
        };
        const gone = () => {
          res.off('drain', done);
          reject(new ClientGone('the client went away'));
        };
        res.once('drain', done);
        res.once('close', gone);
      });
    },
  };
}

/**
 * GET /evidence/bundle?at=ISO: the evidence bundle as of `at` (default: now), signed, as JSON lines
 * (format 2), written as it is built, a batch of records at a time (chunked, no Content-Length: the
 * header line announces the number of records, for a client's progress). AUDITOR, PRIVACY_OFFICER and
 * ADMIN only; the caller is authenticated by the route's guard (an API token or the console's session).
 * A refusal is shaped like a GraphQL error: `{ errors: [{ message, extensions: { code } }] }`. A
 * failure once the answer began cuts the connection (the client sees a broken download; a bundle
 * without its end line does not verify); a client that goes away stops the build.
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
    res.status(200).type('application/x-ndjson').set('cache-control', 'no-store');
    res.flushHeaders();
    const sink = responseSink(res);
    const keepAlive = setInterval(() => {
      if (Date.now() - sink.idleSince() >= keepAliveMs && !res.destroyed) res.write('\n');
    }, keepAliveMs);
    try {
      await bundles.write(prepared, sink);
      res.end();
    } catch (error) {
      if (!(error instanceof ClientGone)) res.destroy(error as Error);
    } finally {
      clearInterval(keepAlive);
    }
  };
}
