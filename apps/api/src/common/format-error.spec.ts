import { GraphQLError } from 'graphql';
import { createErrorFormatter } from './format-error';
import { CanopyError } from './errors';
import { tagErrorsWithRequestId } from './request-scope';

describe('createErrorFormatter', () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter({ error: (details) => logged.push(details) });
  const formatted = (error: GraphQLError) => format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);

  it('should pass a client error through with its code and without a stack', () => {
    const result = formatted(new CanopyError('VERSION_CONFLICT', 'stale', { currentVersion: 3 }));
    expect(result).toEqual({ message: 'stale', extensions: { code: 'VERSION_CONFLICT', currentVersion: 3 } });
  });

  it('should mask an unexpected error, log it and hide its message', () => {
    const secret = new GraphQLError('ER_NO_SUCH_TABLE: SELECT * FROM users', { originalError: new Error('SQL leaked') });
    const result = format({ message: secret.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } }, secret);
    expect(result).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged).toHaveLength(1);
  });

  it('should give the request id in the masked error and the log, so a report can be traced', () => {
    const error = new GraphQLError('boom', { originalError: new Error('boom') });
    tagErrorsWithRequestId([error], 'req-42');
    const result = format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' });
    expect(logged[logged.length - 1]).toMatchObject({ requestId: 'req-42' });
  });

  it('should report a lost database connection as SERVICE_UNAVAILABLE', () => {
    const original = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    const error = new GraphQLError('connect ECONNREFUSED', { originalError: original });
    expect(format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('should turn validation errors into one readable sentence', () => {
    const error = new GraphQLError('Argument Validation Error', {
      extensions: { code: 'BAD_USER_INPUT', validationErrors: [{ property: 'name', constraints: { maxLength: 'name must be shorter than or equal to 200 characters' }, children: [] }] },
    });
    const result = formatted(error);
    expect(result.message).toBe('Invalid input: name: name must be shorter than or equal to 200 characters');
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', problems: ['name: name must be shorter than or equal to 200 characters'] });
  });
});
