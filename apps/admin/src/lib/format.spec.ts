import { parseTypedInstant } from './format';

describe('parseTypedInstant', () => {
  it('should read a day, or a day and a time, in UTC', () => {
    expect(parseTypedInstant('2026-11-29')).toBe('2026-11-29 00:00:00');
    expect(parseTypedInstant('2026-11-29 10:05')).toBe('2026-11-29 10:05:00');
    expect(parseTypedInstant(' 2026-11-29T10:05:30 UTC ')).toBe('2026-11-29 10:05:30');
  });

  it('should refuse what is not a real date and time', () => {
    for (const text of ['2026-02-30', '2026-11-29 25:00', '29/11/2026', 'tomorrow', '']) expect(parseTypedInstant(text)).toBeNull();
  });
});
