import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

export interface LoginLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMs: number;
}

/** The account a sign-in names: its normalised e-mail (token sign-ins have no account to key on). */
function accountOf(req: Request): string | null {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string' || !email.trim()) return null;
  return createHash('sha256').update(email.trim().toLowerCase().slice(0, 254)).digest('hex');
}

function refuse(scope: string, windowMs: number) {
  return (_req: Request, res: Response) => {
    const minutes = Math.max(1, Math.ceil(windowMs / 60_000));
    res.status(429).json({
      error: {
        code: 'RATE_LIMITED',
        message: `Too many failed sign-ins ${scope}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      },
    });
  };
}

/**
 * Sign-in throttling (POST /auth/login; the body must already be parsed).
 * Only failures count, so people who type their password right are never
 * slowed: at most `maxFailuresPerAccount` per e-mail address and
 * `maxFailuresPerAddress` per client IP (an IPv6 /56) in each window. Over
 * the limit the answer is 429 with Retry-After and RATE_LIMITED, even for the
 * right password, until the window ends. Counters live in this process: with
 * N instances behind a load balancer an attacker gets up to N times as many
 * tries, which the per-account limit still keeps small.
 */
export function loginRateLimit(limits: LoginLimits): RequestHandler[] {
  const common = {
    windowMs: limits.windowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7' as const,
    legacyHeaders: false,
  };
  const perAddress = rateLimit({
    ...common,
    limit: limits.maxFailuresPerAddress,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    handler: refuse('from this address', limits.windowMs),
  });
  const perAccount = rateLimit({
    ...common,
    limit: limits.maxFailuresPerAccount,
    skip: (req) => accountOf(req) === null,
    keyGenerator: (req) => `account:${accountOf(req)}`,
    handler: refuse('for this account', limits.windowMs),
  });
  return [perAddress, perAccount];
}
