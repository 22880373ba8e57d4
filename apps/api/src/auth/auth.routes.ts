import express, { Router } from 'express';
import { SESSION_COOKIE } from './authenticator';
import type { SessionService } from './session.app-service';

/** POST /auth/login ({email, password} or {token}) and POST /auth/logout for the console. */
export function authRoutes(sessions: SessionService): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  router.post('/login', async (req, res, next) => {
    try {
      const result = await sessions.login(req.body ?? {});
      if (!result.ok) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: result.message } });
        return;
      }
      // Rotation: the session this browser held before (if any) ends; only the new id is valid from now on.
      await sessions.logout((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
      res.cookie(SESSION_COOKIE, result.cookie, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: '/',
        expires: result.expiresAt,
      });
      const { email, name, roles } = result.viewer;
      res.json({ user: { email, name, roles }, expiresAt: result.expiresAt.toISOString() });
    } catch (error) {
      next(error);
    }
  });

  router.post('/logout', async (req, res, next) => {
    try {
      await sessions.logout((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}
