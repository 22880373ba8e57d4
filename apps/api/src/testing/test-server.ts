import pino from 'pino';
import { createTestDatabase, TestDatabase, TestDialect } from '@canopy/persistence';
import { loadConfig } from '../config';
import { CanopyServer, CanopyServerOptions, createCanopyServer, SQL_COUNT_HEADER } from '../server';

export const ADMIN_EMAIL = 'root@canopy.test';
export const ADMIN_TOKEN = 'bootstrap-token-for-tests-0123456789';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: string[] }[] | undefined;
  statements: number;
  headers: Headers;
}

export interface Caller {
  token?: string;
  cookie?: string;
}

export interface TestServer {
  url: string;
  server: CanopyServer;
  database: TestDatabase;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: Caller | string): Promise<GqlResult<T>>;
  /** Creates a user with the given roles and teams and returns a token of theirs. */
  user(email: string, roles: string[], teamKeys?: string[]): Promise<string>;
  /** POST /auth/login with a JSON body (`{ email, password }` or `{ token }`), as the console does. */
  login(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A console session: the cookie a successful sign-in sets (throws otherwise). */
  signIn(body: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

/** A real server on an ephemeral port over a fresh database of the given dialect. */
export async function startTestServer(
  dialect: TestDialect,
  env: Record<string, string> = {},
  options: CanopyServerOptions = {},
  /** Where the server logs (default: nowhere). */
  log: pino.Logger = pino({ level: 'silent' }),
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({
    DATABASE_URL: database.url,
    NODE_ENV: 'test',
    CANOPY_DEMO: 'false',
    CANOPY_BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    CANOPY_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    // Suites sign in (and fail on purpose) often from 127.0.0.1: the sign-in rate limits have their own tests.
    CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
    CANOPY_LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    ...env,
  });
  const server = await createCanopyServer(config, log, options);
  const url = await server.listen(0);

  const gql: TestServer['gql'] = async (query, variables = {}, as = ADMIN_TOKEN) => {
    const caller: Caller = typeof as === 'string' ? { token: as } : as;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller.token) headers.authorization = `Bearer ${caller.token}`;
    if (caller.cookie) headers.cookie = caller.cookie;
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: GqlResult['errors'] };
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      statements: Number(response.headers.get(SQL_COUNT_HEADER) ?? NaN),
      headers: response.headers,
    };
  };

  const user: TestServer['user'] = async (email, roles, teamKeys = []) => {
    const created = await gql(
      'mutation($e: String!, $r: [Role!]!, $t: [String!]) { createUser(email: $e, name: "Test User", roles: $r, teamKeys: $t) { id } }',
      { e: email, r: roles, t: teamKeys },
    );
    if (created.errors) throw new Error(`createUser failed: ${JSON.stringify(created.errors)}`);
    const token = await gql('mutation($e: String) { createApiToken(name: "test", userEmail: $e) { token } }', { e: email });
    if (token.errors) throw new Error(`createApiToken failed: ${JSON.stringify(token.errors)}`);
    return token.data!.createApiToken.token as string;
  };

  const login: TestServer['login'] = (body, headers = {}) =>
    fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  const signIn: TestServer['signIn'] = async (body) => {
    const response = await login(body);
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return (response.headers.get('set-cookie') ?? '').split(';')[0];
  };

  return {
    url,
    server,
    database,
    gql,
    user,
    login,
    signIn,
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}

/**
 * Tables derived from the audit events, written by the reads that need them:
 * the stored Merkle subtrees (modules/evidence) are filled in by the first
 * head or proof after new events, so a query may add rows there.
 */
const DERIVED_TABLES = new Set(['audit_subtrees']);

/** Row counts of every table but the derived ones: "nothing changed" means these and the audit head are equal before and after. */
export async function tableCounts(server: CanopyServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of server.db.dataSource.entityMetadatas) {
    if (DERIVED_TABLES.has(entity.tableName)) continue;
    counts[entity.tableName] = await server.db.manager.count(entity.target as never);
  }
  return counts;
}

export function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** Runs `attempt` and expects it refused with `code` and every table as it was: a refused request changes nothing. */
export async function expectRefusal(t: Pick<TestServer, 'server'>, code: string, attempt: () => Promise<GqlResult>): Promise<GqlResult> {
  const before = await tableCounts(t.server);
  const result = await attempt();
  expect(codeOf(result)).toBe(code);
  expect(await tableCounts(t.server)).toEqual(before);
  return result;
}

/**
 * Runs `query` (a root list field `list`), lets `grow` add `added` rows to
 * it, runs it again: the same number of statements both times, however many
 * rows (an N+1 shows up as a count that grows).
 */
export async function expectConstantStatements(t: Pick<TestServer, 'gql'>, token: string, query: string, list: string, added: number, grow: () => Promise<unknown>): Promise<void> {
  const before = await t.gql(query, {}, token);
  await grow();
  const after = await t.gql(query, {}, token);
  expect(after.errors).toBeUndefined();
  expect(after.data![list].length).toBe(before.data![list].length + added);
  expect(after.statements).toBe(before.statements);
}
