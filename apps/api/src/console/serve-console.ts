import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Where `nx run admin:build` writes the console. */
export const CONSOLE_DIR = path.resolve(process.cwd(), 'dist', 'apps', 'admin');

/**
 * Serves the built console at / with a fallback to index.html for its client
 * routes (/services/maps survives a reload). API paths are never shadowed.
 */
export function serveConsole(dir = CONSOLE_DIR): Router {
  const router = Router();
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', (_req, res) => {
      res.type('text').send('Canopy API is running at /graphql. The console is not built: run `npx nx run admin:build`.');
    });
    return router;
  }
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!graphql|auth\/|healthz|readyz).*/, (_req, res) => {
    res.sendFile(index);
  });
  return router;
}
