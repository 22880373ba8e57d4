import { createHash } from 'node:crypto';
import express from 'express';
import type { Clock } from '../../common/clock';
import type { PublicPages } from './public-pages.app-service';
import { renderPolicyHtml, renderUpdatesAtom, updatesJson } from './public-render';

export interface PublicRoutesSettings {
  /** CANOPY_PUBLIC_NOTICES: off, every public path answers 404. */
  enabled: boolean;
  publicUrl: string;
}

/**
 * GET /public/policies/:serviceKey(.json)?at=, /public/updates.json and
 * /public/updates.atom (DESIGN.md section 8): no sign-in, cached with ETag
 * and Last-Modified; unknown, not public and odd keys all answer the same 404.
 */
export function publicRoutes(pages: PublicPages, clock: Clock, settings: PublicRoutesSettings): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => (settings.enabled ? next() : notFound(res)));

  router.get('/policies/:file', async (req, res, next) => {
    try {
      const match = /^(.+?)(\.json)?$/.exec(req.params.file)!;
      const at = req.query.at === undefined ? clock.now() : new Date(String(req.query.at));
      if (Number.isNaN(at.getTime()) || typeof req.query.at === 'object') {
        res.status(400).type('text/plain').send('at: an ISO 8601 instant, e.g. 2026-01-01T00:00:00Z');
        return;
      }
      const found = await pages.policyOf(match[1], at);
      if (!found) return notFound(res);
      // The version is what the page says, not the instant it was asked at: the same notice keeps its ETag.
      const version = JSON.stringify({ ...found.document, at: undefined, json: Boolean(match[2]) });
      if (match[2]) send(req, res, 'application/json; charset=utf-8', JSON.stringify(found.document), found.lastModified, version);
      else send(req, res, 'text/html; charset=utf-8', renderPolicyHtml(found.document), found.lastModified, version);
    } catch (error) {
      next(error);
    }
  });

  router.get(['/updates.json', '/updates.atom'], async (req, res, next) => {
    try {
      const now = clock.now();
      const updates = await pages.updates(now);
      const lastModified = new Date(Math.max(0, ...updates.map((u) => u.issuedAt.getTime())));
      if (req.path.endsWith('.json')) send(req, res, 'application/json; charset=utf-8', JSON.stringify(updatesJson(updates)), lastModified);
      else send(req, res, 'application/atom+xml; charset=utf-8', renderUpdatesAtom(updates, `${settings.publicUrl}/public/updates.atom`, lastModified), lastModified);
    } catch (error) {
      next(error);
    }
  });

  router.use((_req, res) => notFound(res));
  return router;
}

function notFound(res: express.Response): void {
  res.status(404).type('text/plain').send('Not found');
}

/** A strong ETag of the content (`version`, the body by default); 304 when the client has it (If-None-Match), or nothing changed since If-Modified-Since. */
function send(req: express.Request, res: express.Response, type: string, body: string, lastModified: Date, version = body): void {
  const etag = `"${createHash('sha256').update(version).digest('base64url').slice(0, 32)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified.toUTCString());
  res.setHeader('Cache-Control', 'public, max-age=60');
  const ifNoneMatch = req.headers['if-none-match'];
  const ifModifiedSince = req.headers['if-modified-since'];
  const unchanged = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim() === etag)
    : Boolean(ifModifiedSince) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(new Date(ifModifiedSince as string).getTime() / 1000);
  if (unchanged) {
    res.status(304).end();
    return;
  }
  res.status(200).type(type).send(body);
}
