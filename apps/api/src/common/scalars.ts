import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

/** RFC 3339 date-time as the clients send it: seconds and fractions optional, `Z` or an offset required. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A refusal the client can act on: BAD_USER_INPUT, inline literal or variable alike (see hardening's formatError). */
function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Reads an instant, refusing what the calendar does not have instead of
 * letting Date roll it over (2026-02-30 would become March 2, T24:00 the next
 * day, :60 the next minute): the instant read back at the typed offset must
 * show the fields that were typed.
 */
export function parseInstant(value: unknown): Date {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) throw refuse('DateTime must be an ISO-8601 string with a time zone, e.g. 2026-11-29T10:00:00.000Z');
  const [, year, month, day, hour, minute, second = '00', , zone, sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const date = new Date(value as string);
  const wall = new Date(date.getTime() + offset * 60_000);
  const real =
    !Number.isNaN(date.getTime()) &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59 &&
    wall.getUTCFullYear() === Number(year) &&
    wall.getUTCMonth() + 1 === Number(month) &&
    wall.getUTCDate() === Number(day) &&
    wall.getUTCHours() === Number(hour) &&
    wall.getUTCMinutes() === Number(minute) &&
    wall.getUTCSeconds() === Number(second);
  if (!real) throw refuse(`DateTime "${value}" is not a real instant: check the month's days, hours 00-23, minutes and seconds 00-59.`);
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
    if (ast.kind !== Kind.STRING) throw refuse('DateTime must be a string');
    return parseInstant(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;
