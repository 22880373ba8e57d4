import { getIntrospectionQuery } from 'graphql';
import pino from 'pino';
import { SQL_COUNT_HEADER } from '../../server';
import { SessionEntity, testDialects } from '@canopy/persistence';
import { ADMIN_TOKEN, codeOf, startTestServer, tableCounts, TestServer } from '../../testing/test-server';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const STACK_OR_SQL = /stacktrace|\bat [\w.<>]+ \(|node_modules|\.[jt]s:\d+|QueryFailedError|ER_[A-Z_]{3,}|SQLITE_[A-Z]+|\bSELECT\b.*\bFROM\b/;

interface Raw {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function raw(url: string, init: RequestInit = {}): Promise<Raw> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, text, json };
}

function post(t: TestServer, body: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  return raw(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe.each(testDialects())('HTTP hygiene on %s', (dialect) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
  });
  afterAll(() => t.close());

  describe('an unexpected failure, on a server that does not count statements (as in production)', () => {
    it('should carry the request id in the masked answer and in the log, a new one per request', async () => {
      const logged: Record<string, unknown>[] = [];
      const log = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
      const broken = await startTestServer(dialect, { CANOPY_SQL_COUNT: 'false' }, {}, log);
      try {
        await broken.server.db.manager.query(dialect === 'sqlite' ? 'ALTER TABLE teams RENAME TO teams_away' : 'RENAME TABLE teams TO teams_away');
        const [first, second] = [await broken.gql('{ teams { key } }'), await broken.gql('{ teams { key } }')];
        const ids = [first, second].map((r) => {
          expect(r.errors).toEqual([{ message: 'Internal server error', path: ['teams'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } }]);
          expect(r.headers.get(SQL_COUNT_HEADER)).toBeNull();
          return r.errors![0].extensions!.requestId as string;
        });
        expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
        expect(ids[1]).not.toBe(ids[0]);
        expect(logged.filter((line) => line.msg === 'unexpected error').map((line) => line.requestId)).toEqual(ids);
      } finally {
        await broken.close();
      }
    });
  });

  describe('GraphQL over HTTP', () => {
    it('should answer application/graphql-response+json to a client that accepts it, and JSON to one that does not', async () => {
      const modern = await post(t, { query: '{ viewer { email } }' }, { accept: `${GRAPHQL_RESPONSE}, application/json;q=0.9` });
      expect(modern.status).toBe(200);
      expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      const legacy = await post(t, { query: '{ viewer { email } }' }, { accept: 'application/json' });
      expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it.each([
      ['a parse error', '{ viewer { ', 'GRAPHQL_PARSE_FAILED'],
      ['a validation error', '{ viewer { nonsense } }', 'GRAPHQL_VALIDATION_FAILED'],
      ['an unknown operation name', 'query A { viewer { email } } query B { teams { key } }', 'OPERATION_RESOLUTION_FAILURE'],
    ])('should answer %s with HTTP 400 and no data', async (_case, query, code) => {
      for (const accept of [GRAPHQL_RESPONSE, 'application/json']) {
        const r = await post(t, { query, operationName: query.startsWith('query A') ? 'C' : undefined }, { accept });
        expect(r.status).toBe(400);
        expect(r.json.errors[0].extensions.code).toBe(code);
        expect(r.json.data).toBeUndefined();
        expect(r.text).not.toMatch(STACK_OR_SQL);
      }
    });

    it('should answer variables of the wrong type with HTTP 400 and BAD_USER_INPUT', async () => {
      const r = await post(t, { query: 'query($first: Int) { services(first: $first) { totalCount } }', variables: { first: 'ten' } }, { accept: GRAPHQL_RESPONSE });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('should run queries over GET and refuse mutations over GET with 405 and Allow: POST', async () => {
      const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'apollo-require-preflight': 'true' };
      const query = await raw(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { email } }')}`, { headers });
      expect(query.status).toBe(200);
      const before = await tableCounts(t.server);
      const mutation = await raw(`${t.url}/graphql?query=${encodeURIComponent('mutation { createTeam(key: "via-get", name: "G") { id } }')}`, { headers });
      expect(mutation.status).toBe(405);
      expect(mutation.headers.get('allow')).toBe('POST');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should not serve a landing page that loads code from a CDN', async () => {
      const r = await raw(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(r.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(r.text).not.toMatch(/cdn|<script/i);
    });
  });

  describe('CSRF prevention', () => {
    it('should refuse a GET without a preflight-forcing header, and a POST that is not JSON, without running them', async () => {
      const before = await tableCounts(t.server);
      const get = await raw(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { email } }')}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(get.status).toBe(400);
      expect(get.text).toMatch(/CSRF/i);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const form = await raw(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': type, authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({ query: 'mutation { createTeam(key: "csrf", name: "C") { id } }' }),
        });
        expect(form.status).toBe(400);
      }
      expect(await tableCounts(t.server)).toEqual(before);
    });
  });

  describe('request limits', () => {
    it('should refuse a body over CANOPY_MAX_BODY_BYTES with 413, naming the limit', async () => {
      const r = await post(t, { query: '{ viewer { email } }', variables: { padding: 'x'.repeat(1024 * 1024) } });
      expect(r.status).toBe(413);
      expect(r.json.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST', limit: 'CANOPY_MAX_BODY_BYTES' } });
      expect(r.json.errors[0].message).toMatch(/1048576 bytes/);
    });

    it('should refuse malformed JSON with 400 BAD_REQUEST', async () => {
      const r = await post(t, '{"query": "{ viewer { email } }"');
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('should refuse a batch while batching is off, naming CANOPY_MAX_BATCH_OPERATIONS', async () => {
      const r = await post(t, [{ query: '{ viewer { email } }' }, { query: '{ teams { key } }' }]);
      expect(r.status).toBe(400);
      expect(r.json.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST', limit: 'CANOPY_MAX_BATCH_OPERATIONS' } });
    });

    it('should refuse a document over CANOPY_MAX_QUERY_TOKENS with QUERY_TOO_COMPLEX', async () => {
      const r = await post(t, { query: `{ ${'viewer { email } '.repeat(3000)} }` });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
      expect(r.json.errors[0].message).toMatch(/CANOPY_MAX_QUERY_TOKENS/);
    });

    it.each([
      ['depth', `{ service(key: "x") { ${'team { services { '.repeat(6)} key ${'} } '.repeat(6)} } }`, 'CANOPY_MAX_QUERY_DEPTH'],
      ['cost', '{ services(first: 200) { edges { node { team { services { inventory { dataCategory } } } } } } }', 'CANOPY_MAX_QUERY_COST'],
      ['aliases', `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: viewer { email }`).join(' ')} }`, 'CANOPY_MAX_ALIASES'],
    ])('should refuse a query over the %s limit with HTTP 400 and QUERY_TOO_COMPLEX naming its variable', async (limit, query, variable) => {
      const r = await post(t, { query }, { accept: GRAPHQL_RESPONSE });
      expect(r.status).toBe(400);
      expect(r.json.data).toBeUndefined();
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
      expect(r.json.errors[0].message).toContain(variable);
    });

    it('should refuse an over-limit mutation before it writes anything', async () => {
      const before = await tableCounts(t.server);
      const aliases = Array.from({ length: 101 }, (_, i) => `t${i}: createTeam(key: "bulk-${i}", name: "B") { id }`).join(' ');
      const r = await post(t, { query: `mutation { ${aliases} }` });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it("should admit the benchmark's console list at first: 100", async () => {
      const r = await post(t, {
        query: '{ services(first: 100) { edges { node { key name team { name } inventory { dataCategory } sharingArrangements { status processor { name } } conflicts(status: OPEN) { id } } } } }',
      });
      expect(r.status).toBe(200);
      expect(r.json.errors).toBeUndefined();
    });
  });

  describe('the per-request time limit', () => {
    let slow: TestServer;
    beforeAll(async () => {
      slow = await startTestServer(dialect, { CANOPY_REQUEST_TIMEOUT_MS: '300' });
      // Make two operations slow: a read (verifyAuditLog) and a write (createTeam).
      const audit = slow.server.application.audit;
      const verify = audit.verify.bind(audit);
      audit.verify = async () => {
        await new Promise((resolve) => setTimeout(resolve, 1200));
        return verify();
      };
      const identity = slow.server.application.identity;
      const createTeam = identity.createTeam.bind(identity);
      identity.createTeam = async (...args: Parameters<typeof createTeam>) => {
        await new Promise((resolve) => setTimeout(resolve, 1200));
        return createTeam(...args);
      };
    });
    afterAll(() => slow.close());

    it('should answer a query still running after CANOPY_REQUEST_TIMEOUT_MS with QUERY_TOO_COMPLEX and HTTP 400', async () => {
      const started = Date.now();
      const r = await post(slow, { query: '{ verifyAuditLog { ok } }' });
      expect(Date.now() - started).toBeLessThan(1100);
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'CANOPY_REQUEST_TIMEOUT_MS' });
      // The server keeps serving, and the late answer of the cut-off query goes nowhere.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect((await post(slow, { query: '{ viewer { email } }' })).status).toBe(200);
    });

    it('should let a mutation finish, so an answer never hides a write', async () => {
      const r = await post(slow, { query: 'mutation { createTeam(key: "slow-team", name: "Slow") { key } }' });
      expect(r.status).toBe(200);
      expect(r.json.data.createTeam.key).toBe('slow-team');
    });
  });

  describe('security headers', () => {
    it('should send a CSP that lets the console and GraphiQL run from this origin only, and the other helmet headers', async () => {
      const r = await raw(`${t.url}/`);
      const csp = r.headers.get('content-security-policy') ?? '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "connect-src 'self'", "worker-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(r.headers.get('x-powered-by')).toBeNull();
      expect(r.headers.get('strict-transport-security')).toBeNull();
    });

    it('should add HSTS and upgrade-insecure-requests behind a trusted HTTPS proxy', async () => {
      const r = await raw(`${t.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(r.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    });

    it('should put the headers on GraphQL answers too', async () => {
      const r = await post(t, { query: '{ viewer { email } }' });
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('CORS', () => {
    it('should be closed by default: no allow-origin for another origin, its preflight refused', async () => {
      const r = await post(t, { query: '{ viewer { email } }' }, { origin: 'https://evil.example' });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await raw(`${t.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('should open to the origins CANOPY_CORS_ORIGINS names, and to them only', async () => {
      const open = await startTestServer(dialect, { CANOPY_CORS_ORIGINS: 'https://console.example.com' });
      try {
        const preflight = await raw(`${open.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin: 'https://console.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
        expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
        const answer = await post(open, { query: '{ viewer { email } }' }, { origin: 'https://console.example.com' });
        expect(answer.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
        expect(answer.headers.get('vary')).toMatch(/Origin/i);
        const other = await post(open, { query: '{ viewer { email } }' }, { origin: 'https://console.example.com.evil.example' });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await open.close();
      }
    });
  });

  describe('introspection and the explorer', () => {
    const introspection = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, oneOf: true });

    it('should refuse anonymous introspection with UNAUTHENTICATED and HTTP 401', async () => {
      for (const query of [introspection, '{ __schema { queryType { name } } }', '{ __type(name: "Service") { fields { name } } }', '{ viewer { email } ... on Query { __schema { types { name } } } }']) {
        const r = await post(t, { query }, { authorization: '' });
        expect(r.status).toBe(401);
        expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(r.json.data).toBeUndefined();
      }
      const invalid = await post(t, { query: introspection }, { authorization: 'Bearer cnp_not-a-token' });
      expect(invalid.status).toBe(401);
    });

    it("should answer a signed-in user's introspection (GraphiQL's query)", async () => {
      const r = await post(t, { query: introspection });
      expect(r.status).toBe(200);
      expect(r.json.data.__schema.types.length).toBeGreaterThan(20);
    });

    it('should refuse anonymous __typename too: nothing of GraphQL runs for an anonymous caller (graphql-access.integration-spec.ts)', async () => {
      const r = await post(t, { query: '{ __typename }' }, { authorization: '' });
      expect(r.status).toBe(401);
      expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('should send a visitor without a session from /explorer to the sign-in page', async () => {
      const r = await raw(`${t.url}/explorer`);
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe('/signin?next=%2Fexplorer');
    });

    it('should open /explorer for a signed-in user', async () => {
      const login = await raw(`${t.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: ADMIN_TOKEN }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const r = await raw(`${t.url}/explorer`, { headers: { cookie } });
      expect(r.status).not.toBe(302);
    });
  });

  describe('sessions', () => {
    const login = (body: unknown, headers: Record<string, string> = {}) =>
      raw(`${t.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const cookieOf = (r: Raw) => (r.headers.get('set-cookie') ?? '').split(';')[0];

    it('should set an httpOnly, SameSite=Strict cookie that expires in 12 hours, without Secure over plain HTTP', async () => {
      const r = await login({ token: ADMIN_TOKEN });
      const cookie = r.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).not.toMatch(/Secure/);
      const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]).getTime();
      expect(Math.abs(expires - (Date.now() + 12 * 3600_000))).toBeLessThan(5000);
    });

    it('should mark the cookie Secure behind a trusted proxy that terminated HTTPS', async () => {
      const r = await login({ token: ADMIN_TOKEN }, { 'x-forwarded-proto': 'https' });
      expect(r.headers.get('set-cookie')).toMatch(/; Secure/);
    });

    it('should rotate the session on sign-in: the session the browser held before stops working', async () => {
      const first = cookieOf(await login({ token: ADMIN_TOKEN }));
      expect((await t.gql('{ viewer { email } }', {}, { cookie: first })).data?.viewer).toBeTruthy();
      const second = cookieOf(await login({ token: ADMIN_TOKEN }, { cookie: first }));
      expect(second).not.toBe(first);
      expect(codeOf(await t.gql('{ viewer { email } }', {}, { cookie: first }))).toBe('UNAUTHENTICATED');
      expect((await t.gql('{ viewer { email } }', {}, { cookie: second })).data?.viewer).toBeTruthy();
    });

    it('should refuse an expired session', async () => {
      const cookie = cookieOf(await login({ token: ADMIN_TOKEN }));
      await t.server.db.manager.createQueryBuilder().update(SessionEntity).set({ expiresAt: new Date(Date.now() - 1000) }).execute();
      expect(codeOf(await t.gql('{ viewer { email } }', {}, { cookie }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('sign-in rate limits', () => {
    let limited: TestServer;
    const login = (body: unknown, from: string) =>
      raw(`${limited.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify(body) });

    beforeAll(async () => {
      limited = await startTestServer(dialect, {
        CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        CANOPY_LOGIN_MAX_FAILURES_PER_ADDRESS: '5',
        CANOPY_LOGIN_WINDOW_SECONDS: '600',
      });
      for (const email of ['target@x.test', 'other@x.test', 'busy@x.test']) {
        await limited.user(email, ['AUDITOR']);
        await limited.gql('mutation($e: String!) { setPassword(email: $e, password: "the right password") }', { e: email });
      }
    });
    afterAll(() => limited.close());

    it('should lock an account after CANOPY_LOGIN_MAX_FAILURES_PER_ACCOUNT failures from any addresses, with a clear 429', async () => {
      for (let i = 1; i <= 3; i++) {
        expect((await login({ email: 'target@x.test', password: `guess ${i}` }, `203.0.113.${i}`)).status).toBe(401);
      }
      const locked = await login({ email: 'Target@X.test ', password: 'the right password' }, '203.0.113.9');
      expect(locked.status).toBe(429);
      expect(locked.json).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many failed sign-ins for this account. Try again in 10 minutes.' } });
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(locked.headers.get('set-cookie')).toBeNull();
      // Other accounts are not affected.
      expect((await login({ email: 'other@x.test', password: 'the right password' }, '203.0.113.9')).status).toBe(200);
    });

    it('should block an address after CANOPY_LOGIN_MAX_FAILURES_PER_ADDRESS failures across accounts', async () => {
      for (let i = 1; i <= 5; i++) {
        expect((await login({ email: `nobody-${i}@x.test`, password: 'guess' }, '198.51.100.7')).status).toBe(401);
      }
      const blocked = await login({ email: 'other@x.test', password: 'the right password' }, '198.51.100.7');
      expect(blocked.status).toBe(429);
      expect(blocked.json.error.message).toMatch(/from this address/);
      expect((await login({ email: 'other@x.test', password: 'the right password' }, '198.51.100.8')).status).toBe(200);
    });

    it('should never count successful sign-ins', async () => {
      for (let i = 0; i < 12; i++) {
        expect((await login({ email: 'busy@x.test', password: 'the right password' }, '192.0.2.1')).status).toBe(200);
      }
    });

    it('should not rate-limit GraphQL requests with tokens', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => limited.gql('{ viewer { email } }')));
      expect(results.every((r) => r.status === 200)).toBe(true);
    });
  });
});
