import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { asFieldSentence, describeErrors, fieldErrorsOf, hasErrorCode } from './errors';

const graphQLError = (code: string, message: string) => new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });

describe('describeErrors', () => {
  it('should say VERSION_CONFLICT in words', () => {
    const [e] = describeErrors(graphQLError('VERSION_CONFLICT', 'expected version 3, found 4'));
    expect(e.code).toBe('VERSION_CONFLICT');
    expect(e.message).toMatch(/^Someone else changed this while you were looking at it/);
    expect(e.message).toContain('Expected version 3, found 4.');
  });

  it('should keep the server sentence that names the bad input', () => {
    const [e] = describeErrors(graphQLError('BAD_USER_INPUT', 'Unknown data category "device.lasers".'));
    expect(e.message).toBe('Some of the values were not accepted. Unknown data category "device.lasers".');
  });

  it('should explain FORBIDDEN, CHECKS_FAILED and NOTICE_REQUIRED', () => {
    expect(describeErrors(graphQLError('FORBIDDEN', 'Forbidden'))[0].message).toContain('Your role does not allow this.');
    expect(describeErrors(graphQLError('CHECKS_FAILED', 'DPA_VALID failed'))[0].message).toContain('Some checks do not pass');
    expect(describeErrors(graphQLError('NOTICE_REQUIRED', 'earliest effectiveAt 2027-01-01'))[0].message).toContain('users must be told in advance');
  });

  it('should not repeat what NOTICE_REQUIRED already says, and say the earliest date in the console format', () => {
    const server =
      "this version reduces users' rights: it needs a notice by EMAIL or HOMEPAGE at least 30 days before it takes effect; with notice given now, the earliest effectiveAt is 2027-01-01T10:00:00.000Z";
    const [e] = describeErrors(graphQLError('NOTICE_REQUIRED', server));
    expect(e.message).toBe(
      'This change reduces users\u2019 rights, so users must be told in advance. It needs a notice by EMAIL or HOMEPAGE at least 30 days before it takes effect; with notice given now, the earliest effective date is 2027-01-01 10:00 UTC.',
    );
    expect(e.message.match(/reduces users/g)).toHaveLength(1);
    const [named] = describeErrors(graphQLError('NOTICE_REQUIRED', `General v3: ${server}`));
    expect(named.message.match(/reduces users/g)).toHaveLength(1);
    expect(named.message).toContain('General v3: it needs a notice');
  });

  it('should count clause rows from 1 and say a doubled path once', () => {
    const [e] = describeErrors(graphQLError('BAD_USER_INPUT', 'The clause set is invalid: clauses[2].subject: clauses[2].subject: unknown data category "x"'));
    expect(e.message).toBe('Some of the values were not accepted. The clause set is invalid: clause 3, subject: unknown data category "x".');
  });

  it('should never show an internal error message', () => {
    const [e] = describeErrors(graphQLError('INTERNAL_SERVER_ERROR', 'SQLITE_BUSY: database is locked'));
    expect(e.message).not.toContain('SQLITE');
    expect(e.message).toBe('The server could not complete the request. Try again in a moment.');
  });

  it('should describe an HTTP failure and a network failure', () => {
    const response = { status: 502, headers: new Map() } as unknown as Response;
    expect(describeErrors(new ServerError('bad gateway', { response, bodyText: '' }))[0].message).toContain('HTTP 502');
    expect(describeErrors(new TypeError('Failed to fetch'))[0].code).toBe('NETWORK');
  });

  it('should find a code among several errors', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'a', extensions: { code: 'NOT_FOUND' } }, { message: 'b', extensions: { code: 'FORBIDDEN' } }] });
    expect(hasErrorCode(error, 'FORBIDDEN')).toBe(true);
    expect(hasErrorCode(error, 'VERSION_CONFLICT')).toBe(false);
    expect(describeErrors(undefined)).toEqual([]);
  });
});

describe('fieldErrorsOf', () => {
  const badInput = (message: string, argument?: string) => ({ message, extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });

  it("should put a BAD_USER_INPUT next to the field it names, in a sentence without the argument path", () => {
    const error = new CombinedGraphQLErrors({ errors: [badInput('items[1].purposes: list at least one purpose.', 'items[1].purposes')] });
    expect(fieldErrorsOf(error, (a) => (a === 'items[1].purposes' ? 'purposes' : null))).toEqual({ fields: { purposes: 'List at least one purpose.' }, unplaced: false });
  });

  it('should leave to the alert what no field takes', () => {
    expect(fieldErrorsOf(new CombinedGraphQLErrors({ errors: [badInput('Unknown team "x".', 'teamKey')] }), () => null)).toEqual({ fields: {}, unplaced: true });
    expect(fieldErrorsOf(graphQLError('FORBIDDEN', 'no'))).toEqual({ fields: {}, unplaced: true });
    expect(fieldErrorsOf(null)).toEqual({ fields: {}, unplaced: false });
  });
});

describe('asFieldSentence', () => {
  it('should start with a capital and end with a full stop', () => {
    expect(asFieldSentence('A service with key "maps" already exists', 'key')).toBe('A service with key "maps" already exists.');
    expect(asFieldSentence('subProcessors[0].name must not be blank.', 'subProcessors[0].name')).toBe('Must not be blank.');
  });

  it('should drop a doubled argument prefix and say instants and argument names in words', () => {
    expect(asFieldSentence('items[1].purposes: items[1].purposes: list at least one purpose', 'items[1].purposes')).toBe('List at least one purpose.');
    expect(asFieldSentence('noticeAt may not be before the draft was created (2026-11-20T09:30:00.000Z)', 'notice.noticeAt')).toBe(
      'Notice date may not be before the draft was created (2026-11-20 09:30 UTC).',
    );
  });
});
