import { parseInstant } from './scalars';

describe('parseInstant', () => {
  it.each([
    ['2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z'],
    ['2026-11-29T10:00:00Z', '2026-11-29T10:00:00.000Z'],
    ['2026-11-29T10:00Z', '2026-11-29T10:00:00.000Z'],
    ['2026-11-29T10:00:00.5Z', '2026-11-29T10:00:00.500Z'],
    ['2026-11-29T10:00:00.123456789Z', '2026-11-29T10:00:00.123Z'],
    ['2026-11-29T10:00:00+02:00', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29T23:30:00.250-05:30', '2026-11-30T05:00:00.250Z'],
    ['2026-12-31T23:59:59.999+14:00', '2026-12-31T09:59:59.999Z'],
    ['2026-01-01T00:00:00-00:00', '2026-01-01T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
  ])('should read %s as %s', (typed, instant) => {
    expect(parseInstant(typed).toISOString()).toBe(instant);
  });

  it.each([
    ['February 30', '2026-02-30T10:00:00Z'],
    ['February 29 outside a leap year', '2026-02-29T10:00:00Z'],
    ['February 29 of a century that is not a leap year', '1900-02-29T10:00:00Z'],
    ['April 31', '2026-04-31T00:00Z'],
    ['day 00', '2026-11-00T00:00Z'],
    ['day 32', '2026-01-32T00:00Z'],
    ['month 00', '2026-00-10T00:00Z'],
    ['month 13', '2026-13-01T00:00Z'],
    ['T24:00', '2026-11-29T24:00Z'],
    ['T24:00:00 with an offset', '2026-11-29T24:00:00+02:00'],
    ['minute 60', '2026-11-29T10:60:00Z'],
    ['second 60', '2026-11-29T10:00:60Z'],
    ['an offset of 24 hours', '2026-11-29T10:00:00+24:00'],
    ['an offset with 60 minutes', '2026-11-29T10:00:00+02:60'],
  ])('should refuse %s with BAD_USER_INPUT', (_case, typed) => {
    expect(() => parseInstant(typed)).toThrow(expect.objectContaining({ message: expect.stringContaining('is not a real instant'), extensions: { code: 'BAD_USER_INPUT' } }));
  });

  it.each([
    ['no time zone', '2026-11-29T10:00:00'],
    ['a date alone', '2026-11-29'],
    ['a space for the T', '2026-11-29 10:00:00Z'],
    ['an offset without a colon', '2026-11-29T10:00:00+0200'],
    ['words', 'tomorrow'],
    ['a number', 1764410400000],
    ['a Date', new Date()],
  ])('should refuse %s as not ISO-8601', (_case, typed) => {
    expect(() => parseInstant(typed)).toThrow(expect.objectContaining({ message: expect.stringContaining('ISO-8601'), extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
