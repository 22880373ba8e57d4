import { GraphQLError } from 'graphql';
import { createErrorFormatter } from './format-error';
import { CanopyError } from './errors';

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
