import { emailAddressProblem, MAX_RECIPIENTS, normaliseRecipients } from './recipients';

describe('emailAddressProblem', () => {
  it('should accept bare addresses', () => {
    for (const ok of ['privacy@example.com', 'notices+maps@sub.example.co.uk', "o'brien@example.org", 'a.b-c_d@xn--bcher-kva.example', 'x@example.xn--p1ai']) {
      expect({ ok, problem: emailAddressProblem(ok) }).toEqual({ ok, problem: null });
    }
  });

  it.each([
    ['', /empty/],
    ['privacy', /exactly one @/],
    ['@example.com', /exactly one @/],
    ['a@b@example.com', /exactly one @/],
    ['privacy@localhost', /no valid domain/],
    ['privacy@example', /no valid domain/],
    ['privacy@-example.com', /no valid domain/],
    ['privacy@example.c0m', /top-level/],
    ['privacy@[127.0.0.1]', /not an IP address/],
    ['.privacy@example.com', /before the @/],
    ['pri..vacy@example.com', /before the @/],
    ['Privacy Team <privacy@example.com>', /space|bare address/],
    ['privacy@example.com,boss@example.com', /bare address/],
    ['"quoted"@example.com', /bare address/],
    ['privacy@example.com\r\nBcc: x@evil.test', /control character/],
    ['prívacy@example.com', /outside ASCII/],
    [`${'a'.repeat(65)}@example.com`, /64 characters/],
    [`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(10)}.com`, /longer than 254/],
  ])('should refuse %j', (value, expected) => {
    expect(emailAddressProblem(value)).toMatch(expected);
  });
});

describe('normaliseRecipients', () => {
  it('should trim, lower-case and drop duplicates, keeping the first order', () => {
    expect(normaliseRecipients([' Privacy@Example.com', 'legal@example.com', 'privacy@example.com'])).toEqual({
      recipients: ['privacy@example.com', 'legal@example.com'],
      problems: [],
    });
  });

  it('should name every bad value, as given', () => {
    const { problems } = normaliseRecipients(['ok@example.com', 'nope', 'also bad@example.com']);
    expect(problems.map((p) => p.value)).toEqual(['nope', 'also bad@example.com']);
  });

  it('should refuse more than the maximum of distinct addresses', () => {
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `r${i}@example.com`);
    expect(normaliseRecipients(many).problems).toEqual([{ value: `${MAX_RECIPIENTS + 1} addresses`, problem: `are more than the ${MAX_RECIPIENTS} allowed` }]);
    expect(normaliseRecipients([...many.slice(0, MAX_RECIPIENTS), many[0]]).problems).toEqual([]);
  });
});
