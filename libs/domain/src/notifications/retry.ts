/** When an outbound message is tried again, and when it is given up (DESIGN.md section 8). */
export interface RetrySchedule {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** No delay grows past this. */
  maxMs: number;
  /** Attempts in all, the first included: the message is FAILED after the last. */
  maxAttempts: number;
}

/**
 * The delay before the next attempt after `failedAttempts` failures:
 * exponential (base, 2 x base, 4 x base, ...) up to maxMs, with equal jitter
 * (half of it fixed, half random) so messages that failed together do not
 * all come back at once, yet never sooner than half the schedule.
 * `random` is a number in [0, 1).
 */
export function retryDelayMs(failedAttempts: number, schedule: RetrySchedule, random: number): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 40);
  const ceiling = Math.min(schedule.maxMs, schedule.baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + half * Math.min(Math.max(random, 0), 1));
}

/** True when `attempts` made so far leave none to try. */
export function attemptsExhausted(attempts: number, schedule: RetrySchedule): boolean {
  return attempts >= schedule.maxAttempts;
}
