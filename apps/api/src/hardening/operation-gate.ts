import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import pLimit from 'p-limit';

/**
 * At most `concurrency` GraphQL operations run at once in this process; the
 * others wait their turn, first come first served. Node runs one operation's
 * steps at a time anyway: letting 32 interleave only makes each one wait for
 * all the others (a long tail) and keeps all their rows alive at once (more
 * garbage collection). A request that ends while waiting gives up its turn.
 */
export function operationGate(concurrency: number): RequestHandler {
  if (!concurrency) return (_req, _res, next) => next();
  const limit = pLimit(concurrency);
  return (_req, res, next) => {
    // The turn may come from another request's completion: go on in this request's own async context (its scope, its tally).
    const proceed = AsyncResource.bind(next);
    void limit(
      () =>
        new Promise<void>((release) => {
          // (Not req.destroyed: a request whose body has been read is destroyed once consumed.)
          if (res.writableEnded || res.destroyed) return release();
          res.once('finish', () => release());
          res.once('close', () => release());
          proceed();
        }),
    );
  };
}
