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
    expect(plural(1, 'conflict')).toBe('1 conflict');
    expect(plural(0, 'conflict')).toBe('0 conflicts');
    expect(plural(2, 'category', 'categories')).toBe('2 categories');
  });

  it('should put the scale\'s unit on numbers only', () => {
    expect(withUnit('180', 'days')).toBe('180 days');
    expect(withUnit('1', 'days')).toBe('1 day');
    expect(withUnit('16', 'years')).toBe('16 years');
    expect(withUnit('UNLIMITED', 'days')).toBe('UNLIMITED');
    expect(withUnit('OPT_IN', null)).toBe('OPT_IN');
    expect(withUnit(null, 'days')).toBe('—');
  });
});

describe('argumentInWords and inWords', () => {
  it('should count rows from 1 and name fields in words', () => {
    expect(argumentInWords('clauses[0].value')).toBe('clause 1, value');
    expect(argumentInWords('items[2].dataCategory')).toBe('item 3, data category');
    expect(argumentInWords('notice.noticeAt')).toBe('notice date');
  });

  it('should make a server message a sentence without raw instants or doubled paths', () => {
    expect(inWords('clauses[2].subject: clauses[2].subject: unknown data category "x"')).toBe('Clause 3, subject: unknown data category "x".');
    expect(inWords('the earliest effectiveAt is 2027-01-01T10:00:00.000Z')).toBe('The earliest effective date is 2027-01-01 10:00 UTC.');
    expect(inWords('Already a sentence!')).toBe('Already a sentence!');
    expect(inWords('Conflict 0f8e3c1a-5b7d-4c2e-9a1b-3d4e5f6a7b8c was resolved meanwhile.')).toBe('This conflict was resolved meanwhile.');
    expect(inWords('Cannot approve sharing arrangement 0f8e3c1a-5b7d-4c2e-9a1b-3d4e5f6a7b8c: it is APPROVED')).toBe('Cannot approve this sharing arrangement: it is APPROVED.');
  });
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
