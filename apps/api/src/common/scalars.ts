import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new TypeError('DateTime must be an ISO-8601 string with a time zone, e.g. 2026-11-29T10:00:00.000Z');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime "${value}" is not a real instant`);
  return date;
}

/** The contract's DateTime: ISO-8601 with a time zone, served in UTC with milliseconds. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO-8601 instant with time zone, e.g. 2026-11-29T10:00:00.000Z',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return parseInstant(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;
