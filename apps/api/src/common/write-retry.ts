import { CanopyError } from './errors';

/**
 * Retrying write transactions on MySQL, MariaDB and Galera. A transaction
 * the server chose to abort (a deadlock victim, a lock wait that timed out, a
 * Galera write set that lost certification to a transaction committed on
 * another node) was rolled back whole, so running the whole transaction
 * callback again is safe and is what the server asks for ("try restarting
 * transaction"). Anything else, including a lost connection (the COMMIT may
 * have landed), is never retried.
 */

export type RetryReason = 'deadlock' | 'lock-wait-timeout' | 'commit-failed' | 'node-not-ready';

/** mysql2's errno (and its code name) per reason; Galera reports a failed certification as a deadlock (1213), at COMMIT or at the next statement. */
const RETRYABLE_ERRNOS: Record<number, RetryReason> = {
  1213: 'deadlock', // ER_LOCK_DEADLOCK, also "WSREP detected deadlock/conflict and aborted the transaction"
  1205: 'lock-wait-timeout', // ER_LOCK_WAIT_TIMEOUT
  1180: 'commit-failed', // ER_ERROR_DURING_COMMIT: wsrep could not replicate the commit
};
const RETRYABLE_CODES: Record<string, RetryReason> = {
  ER_LOCK_DEADLOCK: 'deadlock',
  ER_LOCK_WAIT_TIMEOUT: 'lock-wait-timeout',
  ER_ERROR_DURING_COMMIT: 'commit-failed',
};
/** ER_UNKNOWN_COM_ERROR (1047) is retryable only as "WSREP has not yet prepared node for application use" (a node between views). */
const WSREP_NOT_READY = /WSREP has not yet prepared node/i;
const TRY_AGAIN_MESSAGE = /Deadlock found when trying to get lock|WSREP detected deadlock\/conflict|try restarting (the )?transaction/i;

interface DriverErrorLike {
  errno?: unknown;
  code?: unknown;
  sqlState?: unknown;
  message?: unknown;
  sqlMessage?: unknown;
  driverError?: unknown;
  originalError?: unknown;
  cause?: unknown;
}

/** Why the transaction that threw `error` may run again, or null when it must not. Looks through TypeORM's and GraphQL's wrappers. */
export function retryReason(error: unknown): RetryReason | null {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as DriverErrorLike;
    const reason = ownReason(candidate);
    if (reason) return reason;
    queue.push(candidate.driverError, candidate.originalError, candidate.cause);
  }
  return null;
}

export const isRetryableWriteError = (error: unknown): boolean => retryReason(error) !== null;

function ownReason(error: DriverErrorLike): RetryReason | null {
  if (typeof error.errno === 'number' && RETRYABLE_ERRNOS[error.errno]) return RETRYABLE_ERRNOS[error.errno];
  if (typeof error.code === 'string' && RETRYABLE_CODES[error.code]) return RETRYABLE_CODES[error.code];
  const message = `${typeof error.sqlMessage === 'string' ? error.sqlMessage : ''} ${typeof error.message === 'string' ? error.message : ''}`;
  if ((error.errno === 1047 || error.code === 'ER_UNKNOWN_COM_ERROR') && WSREP_NOT_READY.test(message)) return 'node-not-ready';
  if (error.sqlState === '40001') return 'deadlock'; // SQLSTATE serialization failure
  if (TRY_AGAIN_MESSAGE.test(message)) return 'deadlock';
  return null;
}

export interface WriteRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The backoff cap of the first retry; it doubles per retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * On Galera every write collides with any write committed on another node
 * while it holds the audit head: under a steady load each attempt loses with
 * about the same odds, so the bound is in attempts (0.6^20 < 1e-4), with
 * under 8 s of waiting in the worst case and tens of ms in the usual one.
 */
export const DEFAULT_WRITE_RETRY: WriteRetryPolicy = { maxAttempts: 20, baseDelayMs: 10, maxDelayMs: 500 };

/** "Full jitter" exponential backoff: a uniform draw in [0, min(max, base * 2^(retry-1))], so colliding writers spread out. */
export function backoffDelayMs(retry: number, policy: WriteRetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(random() * cap);
}

export interface WriteRetryLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface WriteRetryOptions {
  policy?: WriteRetryPolicy;
  log?: WriteRetryLog;
  /** Test seams. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The log message of each retry; the Galera system test counts these lines. */
export const WRITE_RETRIED = 'write transaction retried';

/**
 * Runs `transaction` (one whole transaction, begun and committed inside) and
 * runs it again, after a jittered backoff, while it fails for a retryable
 * reason, at most policy.maxAttempts times. When every attempt lost, the
 * caller gets SERVICE_UNAVAILABLE (nothing was written; try again), never the
 * driver's error.
 */
export async function withWriteRetry<T>(transaction: () => Promise<T>, options: WriteRetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_WRITE_RETRY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const reason = retryReason(error);
      if (!reason) throw error;
      if (attempt >= policy.maxAttempts) {
        options.log?.warn({ attempts: attempt, reason }, 'write transaction gave up');
        throw new CanopyError('SERVICE_UNAVAILABLE', `The database refused the change ${attempt} times under concurrent writes; nothing was changed. Try again shortly.`);
      }
      const delayMs = backoffDelayMs(attempt, policy, options.random);
      options.log?.info({ attempt, reason, delayMs }, WRITE_RETRIED);
      await sleep(delayMs);
    }
  }
}
