/**
 * Where the API reads the time. Injected (createCanopyServer's `clock`
 * option) so tests can drive time without sleeping; production uses the
 * system clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
