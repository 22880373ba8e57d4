import { ApiError } from '../../client/graphql-client';
import { CliError } from '../../errors';
import { documentOrigin } from '../../manifest/load';
import { manifestPathOf, problemsFromApiError } from '../server-problems';

const origin = documentOrigin('maps.yaml', 2, (path) => (path.startsWith('spec.') ? 12 : undefined));

describe('server problems', () => {
  it.each([
    ['items[2].dataCategory', 'spec.inventory[2].dataCategory'],
    ['inventory[0].purposes', 'spec.inventory[0].purposes'],
    ['clauses[1].value', 'spec.policy.clauses[1].value'],
    ['sharing[0].dataCategories', 'spec.sharing[0].dataCategories'],
    ['measures[3]', 'spec.securityMeasures[3]'],
    ['input.key', null],
  ])('should map the API argument %s to the manifest path %s', (argument, path) => {
    expect(manifestPathOf(argument)).toBe(path);
  });

  it("should locate each problem the API lists (the policy module's clause problems)", () => {
    const error = ApiError.fromErrors(
      [{ message: 'The clause set is invalid: ...', extensions: { code: 'BAD_USER_INPUT', argument: 'clauses', problems: ['clauses[0].value: not on the scale', 'clauses[2].subject: malformed'] } }],
      'draftPolicyVersion',
    );
    expect(problemsFromApiError(error, origin)).toEqual([
      { file: 'maps.yaml', document: 2, line: 12, path: 'spec.policy.clauses[0].value', message: 'not on the scale' },
      { file: 'maps.yaml', document: 2, line: 12, path: 'spec.policy.clauses[2].subject', message: 'malformed' },
    ]);
  });

  it('should locate a single argument, dropping the operation and code from the message', () => {
    const error = ApiError.fromErrors([{ message: 'items[1].purposes: list at least one purpose.', extensions: { code: 'BAD_USER_INPUT', argument: 'items[1].purposes' } }], 'setInventory');
    expect(problemsFromApiError(error, origin)).toEqual([{ file: 'maps.yaml', document: 2, line: 12, path: 'spec.inventory[1].purposes', message: 'list at least one purpose.' }]);
  });

  it('should leave server errors and unlocated input errors alone', () => {
    expect(problemsFromApiError(ApiError.fromErrors([{ message: 'no', extensions: { code: 'FORBIDDEN' } }], 'x'), origin)).toBeNull();
    expect(problemsFromApiError(ApiError.fromErrors([{ message: 'dup', extensions: { code: 'BAD_USER_INPUT', argument: 'key' } }], 'x'), origin)).toBeNull();
    expect(problemsFromApiError(new CliError('x', 3), origin)).toBeNull();
  });

  it('should classify API error codes into exit codes', () => {
    const exit = (code: string) => ApiError.fromErrors([{ message: 'm', extensions: { code } }], 'op').exitCode;
    expect(['BAD_USER_INPUT', 'NOT_FOUND', 'LOCKED_CLAUSE', 'NOTICE_REQUIRED', 'INVALID_TRANSITION', 'CHECKS_FAILED'].map(exit)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(['UNAUTHENTICATED', 'FORBIDDEN', 'VERSION_CONFLICT', 'INTERNAL_SERVER_ERROR', 'QUERY_TOO_COMPLEX'].map(exit)).toEqual([3, 3, 3, 3, 3]);
  });
});
