import type { Clock } from '../common/clock';

/**
 * The clock of a test server: the system's time plus what the test advanced
 * it by, so a test moves time on (an expiry passing, two writes at distinct
 * instants) without sleeping. Test code reads it too (`clock.iso()`) when it
 * compares its instants with the server's.
 */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  iso(offsetMs = 0): string {
    return new Date(this.now().getTime() + offsetMs).toISOString();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
