import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** One HTTP request of the fuzzer. */
export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  /** For GET: the query string; for POST: the body as sent. */
  body: string;
  contentType?: string;
  /** Which caller: an index into the callers the spec passes. */
  caller: number;
  /** The operation text, when there is one (to count mutations). */
  document?: string;
}

type Gen = fc.GeneratorValue;

/** Values a real client would send: keys that exist in the fixture, plausible numbers and dates. */
const KNOWN_STRINGS = ['maps', 'media', 'geo', 'general', 'tiles', 'device.log', 'user.contact.email', 'service.provide', 'marketing.email', 'third_party', 'EEA', 'DE'];

/** Payloads that break naive code: SQL, path and prototype tricks, control and combining characters, right-to-left text. */
const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE services; --",
  '" OR ""="',
  '\\',
  '%00',
  '\u0000',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\u202egnp.exe',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̔ͮ̇͐̇',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\ud83d',
  '   ',
  '__proto__',
  'constructor',
  '1e309',
  '-0',
  'NaN',
];

/** Arbitraries built once: building one per draw (fc.gen) costs more than the request it makes. */
const BINARY_6 = fc.string({ unit: 'binary', maxLength: 6 });
const BINARY_40 = fc.string({ unit: 'binary', maxLength: 40 });
const BINARY_200 = fc.string({ unit: 'binary', maxLength: 200 });
const STRING_10 = fc.string({ maxLength: 10 });
const STRING_64 = fc.string({ maxLength: 64 });
const JSON_2 = fc.jsonValue({ maxDepth: 2 });
const JSON_3 = fc.jsonValue({ maxDepth: 3 });
const JSON_TEXT = fc.json({ maxDepth: 3 });
const ANY_DATE = fc.date({ noInvalidDate: true });
const PLAUSIBLE_DATE = fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2040-01-01') });
const UUID = fc.uuid();
const DOUBLE = fc.double({ noNaN: true, noDefaultInfinity: true });
const ID_VALUE = fc.oneof(fc.uuid(), fc.constantFrom('1', 'x', ''), fc.string({ maxLength: 12 }));
const STRING_VALUE = fc.oneof(fc.constantFrom(...KNOWN_STRINGS), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));

const HUGE = 'x'.repeat(200_000);
const HUGE_UNICODE = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 '.repeat(20_000);

function deepArray(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

function deepObject(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

/** Any JSON-ish value a hostile client might put where a value goes. */
export function hostileValue(g: Gen): unknown {
  switch (g(fc.integer, { min: 0, max: 17 })) {
    case 0:
      return null;
    case 1:
      return g(() => BINARY_40);
    case 2:
      return g(fc.constantFrom, ...NASTY_STRINGS);
    case 3:
      return g(fc.constantFrom, HUGE, HUGE_UNICODE);
    case 4:
      return g(fc.integer);
    case 5:
      return g(fc.constantFrom, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, -1, 0, 1e308, -1e-308, 0.5);
    case 6:
      return g(fc.boolean);
    case 7:
      return g(fc.constantFrom, 'UNKNOWN_ENUM', 'admin', 'ADMIN ', 'approved', '');
    case 8:
      return g(() => JSON_3);
    case 9:
      return deepArray(g(fc.integer, { min: 10, max: 3000 }));
    case 10:
      return deepObject(g(fc.integer, { min: 10, max: 3000 }));
    case 11:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 12:
      return Array.from({ length: g(fc.integer, { min: 0, max: 5000 }) }, (_, i) => `item-${i}`);
    case 13:
      return g(() => ANY_DATE).toISOString();
    case 14:
      return g(fc.constantFrom, '2026-02-30T00:00:00Z', '9999-99-99', 'yesterday', '1970-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z');
    case 15:
      return g(() => UUID);
    case 16:
      return {};
    default:
      return [];
  }
}

/** A value of the input type, mostly well-formed, sometimes not. */
export function inputValue(g: Gen, type: GraphQLInputType, name: string, depth = 0, dirty = true): unknown {
  if (dirty && g(fc.integer, { min: 0, max: 9 }) === 0) return hostileValue(g);
  if (isNonNullType(type)) return inputValue(g, type.ofType, name, depth);
  if (isListType(type)) {
    const n = g(fc.integer, { min: 0, max: 3 });
    return Array.from({ length: n }, () => inputValue(g, type.ofType, name, depth + 1, dirty));
  }
  if (isEnumType(type)) return g(fc.constantFrom, ...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    if (depth > 4) return null;
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || g(fc.boolean)) value[field.name] = inputValue(g, field.type, field.name, depth + 1, dirty);
    }
    if (dirty && g(fc.integer, { min: 0, max: 7 }) === 0) value[g(fc.constantFrom, 'unknownField', '__proto__', 'id', 'version')] = hostileValue(g);
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return /first|limit/i.test(name) ? g(fc.integer, { min: -5, max: 300 }) : g(fc.integer, { min: -2, max: 5 });
      case 'Float':
        return g(() => DOUBLE);
      case 'Boolean':
        return g(fc.boolean);
      case 'DateTime':
        return g(() => PLAUSIBLE_DATE).toISOString();
      case 'JSON':
        return g(() => JSON_2);
      case 'ID':
        return g(() => ID_VALUE);
      default:
        return g(() => STRING_VALUE);
    }
  }
  return null;
}

/** A GraphQL literal for any value: enums bare when the type says so; anything a parser may refuse is fine too. */
function literal(value: unknown, type?: GraphQLInputType, depth = 0): string {
  // Deeply nested values: JSON is GraphQL's list syntax too (and quoted keys make a syntax error, also worth sending).
  if (depth > 40) return JSON.stringify(value) ?? 'null';
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  const inner = type ? (isNonNullType(type) ? type.ofType : type) : undefined;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : undefined, depth + 1)).join(', ')}]`;
  const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : 'bad_key'}: ${literal(v, fields[k]?.type, depth + 1)}`)
    .join(', ')}}`;
}

interface Built {
  text: string;
  variables: Record<string, unknown>;
  declarations: string[];
  /** A dirty operation also gets hostile values, unknown arguments and fields, wrong variable types. */
  dirty: boolean;
}

/** Arguments of a field: inline literals or variables, sometimes missing or unknown. */
function argumentsOf(g: Gen, field: GraphQLField<unknown, unknown>, built: Built): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type);
    if (!required && g(fc.boolean)) continue;
    if (built.dirty && required && g(fc.integer, { min: 0, max: 19 }) === 0) continue; // a required argument left out
    const value = inputValue(g, arg.type, arg.name, 0, built.dirty);
    if (g(fc.boolean)) {
      const name = `v${built.declarations.length}`;
      const declared = built.dirty && g(fc.integer, { min: 0, max: 9 }) === 0 ? g(fc.constantFrom, 'String', 'Int!', '[Int]', 'Nope', 'Boolean!') : String(arg.type);
      built.declarations.push(`$${name}: ${declared}`);
      if (!built.dirty || g(fc.integer, { min: 0, max: 9 }) !== 0) built.variables[name] = value;
      parts.push(`${arg.name}: $${name}`);
    } else {
      parts.push(`${arg.name}: ${literal(value, arg.type)}`);
    }
  }
  if (built.dirty && g(fc.integer, { min: 0, max: 14 }) === 0) parts.push(`unknownArgument: ${literal(hostileValue(g))}`);
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** A selection set of an object type, up to `depth` levels (sometimes far deeper than the limit allows). */
function selectionOf(g: Gen, type: GraphQLNamedType, depth: number, built: Built): string {
  if (!isObjectType(type)) return '__typename';
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const count = g(fc.integer, { min: 1, max: 4 });
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = fields[g(fc.integer, { min: 0, max: fields.length - 1 })];
    const named = getNamedType(field.type);
    // Aliases keep two selections of one field apart (different arguments under one name do not validate).
    const alias = g(fc.integer, { min: 0, max: 5 }) === 0 || !built.dirty ? `a${i}: ` : '';
    const args = argumentsOf(g, field, built);
    if (isLeafType(named)) {
      parts.push(`${alias}${field.name}${args}`);
    } else if (depth <= 0) {
      parts.push(`${alias}${field.name}${args} { __typename }`);
    } else {
      parts.push(`${alias}${field.name}${args} { ${selectionOf(g, named, depth - 1, built)} }`);
    }
  }
  if (built.dirty && g(fc.integer, { min: 0, max: 9 }) === 0) parts.push(g(fc.constantFrom, 'nonexistentField', '__schema { types { name } }', '__type(name: "Service") { name }', '...on Query { __typename }', '... @skip(if: true) { __typename }'));
  return parts.join(' ');
}

/** An operation over one or two root fields of the schema, with arguments of every kind. */
export function schemaOperation(g: Gen, schema: GraphQLSchema): { document: string; variables: Record<string, unknown> } {
  const mutation = g(fc.integer, { min: 0, max: 2 }) === 0;
  const root = (mutation ? schema.getMutationType() : schema.getQueryType())!;
  const built: Built = { text: '', variables: {}, declarations: [], dirty: g(fc.boolean) };
  const deep = g(fc.integer, { min: 0, max: 9 }) === 0;
  const body = selectionOf(g, root, deep ? g(fc.integer, { min: 8, max: 16 }) : g(fc.integer, { min: 0, max: 4 }), built);
  const name = g(fc.boolean) ? ` Fuzz${g(fc.integer, { min: 0, max: 99 })}` : '';
  const shorthand = !mutation && !name && !built.declarations.length && g(fc.boolean);
  const head = `${mutation ? 'mutation' : shorthand ? '' : 'query'}${name}${built.declarations.length ? `(${built.declarations.join(', ')})` : ''}`;
  return { document: `${head} { ${body} }`.trim(), variables: built.variables };
}

const SNIPPETS = ['{', '}', '(', ')', ':', '$', '!', '...', '@skip(if: true)', '@include(if: $x)', '"', '"""', '\\u0000', '#', 'fragment F on Query { ...F }', '__schema', 'mutation', 'subscription', 'query', ',', '[', ']', '=', '|', '&'];

/** A known-good document, damaged: slices cut, doubled or swapped, tokens dropped in. */
export function mutatedDocument(g: Gen, corpus: readonly string[]): string {
  let text = g(fc.constantFrom, ...corpus);
  const edits = g(fc.integer, { min: 1, max: 4 });
  for (let i = 0; i < edits; i++) {
    const at = g(fc.integer, { min: 0, max: text.length });
    const length = g(fc.integer, { min: 0, max: 20 });
    switch (g(fc.integer, { min: 0, max: 4 })) {
      case 0:
        text = text.slice(0, at) + text.slice(at + length);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at, at + length) + text.slice(at);
        break;
      case 2:
        text = text.slice(0, at) + g(fc.constantFrom, ...SNIPPETS) + text.slice(at);
        break;
      case 3:
        text = text.slice(0, at) + g(() => BINARY_6) + text.slice(at + 1);
        break;
      default:
        text = text.slice(at) + text.slice(0, at);
    }
  }
  return text;
}

/** Bodies that are not a well-formed GraphQL request at all. */
export function malformedBody(g: Gen): { body: string; contentType: string } {
  const json = 'application/json';
  switch (g(fc.integer, { min: 0, max: 13 })) {
    case 0:
      return { body: g(() => JSON_TEXT), contentType: json };
    case 1:
      return { body: g(() => BINARY_200), contentType: json };
    case 2:
      return { body: JSON.stringify({ query: hostileValue(g) }), contentType: json };
    case 3:
      return { body: JSON.stringify({ query: '{ viewer { email } }', variables: hostileValue(g) }), contentType: json };
    case 4:
      return { body: JSON.stringify({ query: '{ viewer { email } }', operationName: hostileValue(g) }), contentType: json };
    case 5:
      return { body: JSON.stringify({ query: '{ viewer { email } }', extensions: { persistedQuery: { version: 1, sha256Hash: g(() => STRING_64) } } }), contentType: json };
    case 6:
      return { body: JSON.stringify(Array.from({ length: g(fc.integer, { min: 0, max: 30 }) }, () => ({ query: '{ viewer { email } }' }))), contentType: json };
    case 7:
      return { body: `{ ${'a { '.repeat(g(fc.integer, { min: 100, max: 5000 }))}`, contentType: json };
    case 8:
      return { body: JSON.stringify({ query: `{ ${'viewer { teams { services { team { '.repeat(g(fc.integer, { min: 5, max: 60 }))} }` }), contentType: json };
    case 9:
      return { body: 'query=%7B%20viewer%20%7B%20email%20%7D%20%7D', contentType: g(fc.constantFrom, 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x') };
    case 10:
      return { body: JSON.stringify({ query: '{ viewer { email } }' }), contentType: g(fc.constantFrom, 'application/json; charset=latin1', 'application/graphql', 'application/json; charset=utf-16', '') };
    case 11:
      // Deep nesting the parser must survive: selections, and a list literal.
      return { body: JSON.stringify({ query: `{ ${'viewer { teams { '.repeat(g(fc.integer, { min: 100, max: 2000 }))}` }), contentType: json };
    case 12:
      return { body: JSON.stringify({ query: `{ service(key: ${'['.repeat(g(fc.integer, { min: 100, max: 7000 }))}1) { key } }` }), contentType: json };
    default:
      return { body: JSON.stringify({ query: '{ viewer { email } }', variables: { padding: 'x'.repeat(1024 * 1024 + 10) } }), contentType: json };
  }
}

/** One fuzzed request: a schema-shaped operation, a damaged known one, a GET, or a malformed body. */
export function fuzzRequest(g: Gen, schema: GraphQLSchema, corpus: readonly string[], callers: number): FuzzRequest {
  const caller = g(fc.integer, { min: 0, max: callers - 1 });
  const kind = g(fc.constantFrom, 'schema', 'schema', 'schema', 'mutated', 'mutated', 'get', 'malformed');
  if (kind === 'malformed') return { kind, method: 'POST', caller, ...malformedBody(g) };
  const { document, variables } =
    kind === 'schema'
      ? schemaOperation(g, schema)
      : { document: mutatedDocument(g, corpus), variables: g(fc.boolean) ? (hostileValue(g) as Record<string, unknown>) : {} };
  if (kind === 'get') {
    const params = new URLSearchParams({ query: document });
    if (g(fc.boolean)) params.set('variables', JSON.stringify(variables));
    if (g(fc.integer, { min: 0, max: 4 }) === 0) params.set('operationName', g(() => STRING_10));
    return { kind, method: 'GET', caller, body: params.toString(), document };
  }
  return { kind, method: 'POST', caller, body: JSON.stringify({ query: document, variables }), contentType: 'application/json', document };
}

