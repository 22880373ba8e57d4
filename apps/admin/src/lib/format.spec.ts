import { sentenceParts, argumentInWords, formatDate, formatDateTime, inWords, parseTypedInstant, plural, withUnit } from './format';

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

describe('the console\'s one date format', () => {
  it('should show days as YYYY-MM-DD and instants as YYYY-MM-DD HH:mm UTC, a dash when there is none', () => {
    expect(formatDate('2026-11-29T10:05:30.000Z')).toBe('2026-11-29');
    expect(formatDateTime('2026-11-29T10:05:30.000Z')).toBe('2026-11-29 10:05 UTC');
    expect(formatDateTime(null)).toBe('—');
  });
});

describe('plural and withUnit', () => {
  it('should count in the singular for one and the plural otherwise', () => {
    expect([plural(1, 'conflict'), plural(0, 'conflict'), plural(2, 'category', 'categories')]).toEqual(['1 conflict', '0 conflicts', '2 categories']);
  });

  const units: [string | null, string | null, string][] = [
    ['180', 'days', '180 days'],
    ['1', 'days', '1 day'],
    ['16', 'years', '16 years'],
    ['UNLIMITED', 'days', 'UNLIMITED'],
    ['OPT_IN', null, 'OPT_IN'],
    [null, 'days', '—'],
  ];
  it.each(units)("should put the scale's unit on numbers only: %s %s reads %s", (value, unit, shown) => expect(withUnit(value, unit)).toBe(shown));
});

describe('argumentInWords and inWords', () => {
  it.each([
    ['clauses[0].value', 'clause 1, value'],
    ['items[2].dataCategory', 'item 3, data category'],
    ['notice.noticeAt', 'notice date'],
  ])('should say the path %s as %s, rows counted from 1', (path, words) => expect(argumentInWords(path)).toBe(words));

  const id = '0f8e3c1a-5b7d-4c2e-9a1b-3d4e5f6a7b8c';
  it.each([
    ['clauses[2].subject: clauses[2].subject: unknown data category "x"', 'Clause 3, subject: unknown data category "x".'],
    ['the earliest effectiveAt is 2027-01-01T10:00:00.000Z', 'The earliest effective date is 2027-01-01 10:00 UTC.'],
    ['Already a sentence!', 'Already a sentence!'],
    [`Conflict ${id} was resolved meanwhile.`, 'This conflict was resolved meanwhile.'],
    [`Cannot approve sharing arrangement ${id}: it is APPROVED`, 'Cannot approve this sharing arrangement: it is APPROVED.'],
  ])('should make the server message %j a sentence without raw instants, ids or doubled paths', (message, sentence) => expect(inWords(message)).toBe(sentence));
});

describe('sentenceParts', () => {
  it('should link the objects a sentence names by id and say its instants as dates', () => {
    const id = '0f8e3c1a-5b7d-4c2e-9a1b-3d4e5f6a7b8c';
    expect(sentenceParts(`approved arrangement ${id} with processor crashcloud: the DPA expired on 2026-11-21T03:18:19.656Z`)).toEqual([
      { text: 'approved ' },
      { text: 'arrangement', link: `/sharing/${id}` },
      { text: ' with processor crashcloud: the DPA expired on 2026-11-21 03:18 UTC' },
    ]);
    expect(sentenceParts(`conflict ${id} on RETENTION device.log awaits review`)).toEqual([
      { text: 'conflict', link: `/conflicts/${id}` },
      { text: ' on RETENTION device.log awaits review' },
    ]);
    expect(sentenceParts('no id here')).toEqual([{ text: 'no id here' }]);
  });
});
