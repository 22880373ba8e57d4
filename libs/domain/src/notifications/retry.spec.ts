import { attemptsExhausted, retryDelayMs, RetrySchedule } from './retry';

const schedule: RetrySchedule = { baseMs: 1000, maxMs: 60_000, maxAttempts: 5 };

describe('retryDelayMs', () => {
  it('should double the delay after each failure, between half and all of it', () => {
    for (const [failures, ceiling] of [[1, 1000], [2, 2000], [3, 4000], [4, 8000]]) {
      expect(retryDelayMs(failures, schedule, 0)).toBe(ceiling / 2);
      expect(retryDelayMs(failures, schedule, 0.999_999)).toBe(ceiling);
    }
  });

  it('should never pass the maximum, however many failures', () => {
    expect(retryDelayMs(7, schedule, 0.999_999)).toBe(60_000);
    expect(retryDelayMs(10_000, schedule, 0.5)).toBe(45_000);
  });

  it('should spread messages that failed together', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => retryDelayMs(3, schedule, r)));
    expect(delays.size).toBe(5);
  });
});

describe('attemptsExhausted', () => {
  it('should be true from the last attempt on', () => {
    expect(attemptsExhausted(4, schedule)).toBe(false);
    expect(attemptsExhausted(5, schedule)).toBe(true);
    expect(attemptsExhausted(6, schedule)).toBe(true);
  });
});
