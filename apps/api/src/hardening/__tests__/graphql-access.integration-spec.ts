import { getIntrospectionQuery } from 'graphql';
import { testDialects } from '@canopy/persistence';
import { ADMIN_TOKEN, startTestServer, tableCounts, TestServer } from '../../testing/test-server';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  type: string;
  text: string;
  json: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

async function call(t: TestServer, init: { method?: string; body?: string; headers?: Record<string, string>; query?: string } = {}): Promise<Answer> {
  const url = init.query === undefined ? `${t.url}/graphql` : `${t.url}/graphql?query=${encodeURIComponent(init.query)}`;
  const response = await fetch(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body, redirect: 'manual' });
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json };
}

const post = (t: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  call(t, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/** A console session: the cookie POST /auth/login sets. */
async function signIn(t: TestServer, body: Record<string, string> = { token: ADMIN_TOKEN }): Promise<string> {
  return t.signIn(body);
}

function expectUnauthenticated(r: Answer): void {
  expect(r.status).toBe(401);
  expect(r.json?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(r.json?.errors).toHaveLength(1);
  expect(r.json?.data).toBeUndefined();
  // Nothing about the schema: no validation hint, no field or type name.
  expect(r.text).not.toMatch(/Did you mean|Cannot query|Syntax Error|servce|service|Query|__typename/);
}

describe.each(testDialects())('access to /graphql on %s', (dialect) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    await t.gql('mutation { createTeam(key: "geo", name: "Geo") { id } }');
  });
  afterAll(() => t.close());

  describe('authentication before parsing and validation', () => {
    it.each([
      ['__typename alone', '{ __typename }'],
      ['a misspelt field, which validation would answer with "Did you mean service?"', '{ servce(key: "maps") { key } }'],
      ['an unknown argument', '{ services(firts: 5) { totalCount } }'],
      ['a malformed document', '{ viewer { '],
      ['an empty document', ''],
      ['two operations without a name', 'query A { viewer { email } } query B { teams { key } }'],
      ['introspection', getIntrospectionQuery()],
      ['a mutation', 'mutation { createTeam(key: "anon", name: "Anon") { id } }'],
    ])('should answer an anonymous caller 401 UNAUTHENTICATED and nothing else for %s', async (_case, query) => {
      const before = await tableCounts(t.server);
      for (const accept of [GRAPHQL_RESPONSE, 'application/json']) {
        const r = await post(t, { query }, { accept });
        expectUnauthenticated(r);
        expect(r.type).toContain(accept);
      }
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should answer 401 to an anonymous GET, a batch, malformed JSON, a body that is not JSON and an oversized body alike', async () => {
      expectUnauthenticated(await call(t, { method: 'GET', query: '{ servce { key } }', headers: { 'apollo-require-preflight': 'true' } }));
      expectUnauthenticated(await call(t, { method: 'GET', query: '{ __typename }' }));
      expectUnauthenticated(await post(t, [{ query: '{ servce { key } }' }, { query: '{ __typename }' }]));
      expectUnauthenticated(await post(t, '{"query": "{ servce { key } }"'));
      expectUnauthenticated(await call(t, { body: 'query={ servce { key } }', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
      expectUnauthenticated(await post(t, { query: '{ servce { key } }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    });

    it('should answer 401 to a token that does not exist, a malformed Authorization header and a session that ended', async () => {
      const invalid = await post(t, { query: '{ servce { key } }' }, { authorization: 'Bearer cnp_forged-token' });
      expectUnauthenticated(invalid);
      expect(invalid.json?.errors?.[0].message).toMatch(/invalid, expired or revoked/);
      expectUnauthenticated(await post(t, { query: '{ __typename }' }, { authorization: 'Basic Zm9vOmJhcg==' }));
      const cookie = await signIn(t);
      await fetch(`${t.url}/auth/logout`, { method: 'POST', headers: { cookie } });
      expectUnauthenticated(await post(t, { query: '{ servce { key } }' }, { cookie }));
    });

    it('should still give a signed-in caller the validation hints and answer __typename', async () => {
      const typo = await post(t, { query: '{ servce(key: "maps") { key } }' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
      expect(typo.status).toBe(400);
      expect(typo.json?.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.json?.errors?.[0].message).toMatch(/Did you mean "service"/);
      const typename = await post(t, { query: '{ __typename }' }, { cookie: await signIn(t) });
      expect(typename.status).toBe(200);
      expect(typename.json?.data).toEqual({ __typename: 'Query' });
    });

    it('should leave the health endpoints and /auth open to anonymous callers', async () => {
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${t.url}/auth/demo-logins`)).status).toBe(404);
      const cookie = await signIn(t);
      expect((await t.gql('{ viewer { email } }', {}, { cookie })).data?.viewer).toBeTruthy();
      expect((await fetch(`${t.url}/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(204);
    });
  });

  describe("the session cookie's same-origin rule", () => {
    const MUTATION = (key: string) => ({ query: `mutation { createTeam(key: "${key}", name: "Origin test") { key } }` });
    let cookie: string;
    let own: string;

    beforeAll(async () => {
      cookie = await signIn(t);
      own = new URL(t.url).origin;
    });

    async function refused(body: unknown, headers: Record<string, string>): Promise<void> {
      const before = await tableCounts(t.server);
      const r = await post(t, body, { cookie, ...headers });
      expect(r.status).toBe(403);
      expect(r.json?.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.json?.errors?.[0].message).toMatch(/console's own origin/);
      expect(r.json?.data).toBeUndefined();
      expect(await tableCounts(t.server)).toEqual(before);
    }

    async function admitted(key: string, headers: Record<string, string>, server = t, session = cookie): Promise<void> {
      const r = await post(server, MUTATION(key), { cookie: session, ...headers });
      expect(r.status).toBe(200);
      expect(r.json?.data).toEqual({ createTeam: { key } });
    }

    it('should refuse a cookie-authenticated mutation from another origin with 403 FORBIDDEN and write nothing', async () => {
      await refused(MUTATION('evil'), { origin: 'https://evil.example' });
      await refused(MUTATION('evil'), { origin: `${own}.evil.example` });
      await refused(MUTATION('evil'), { origin: 'null' });
    });

    it('should refuse what the browser marks as coming from another site or another origin of this site', async () => {
      await refused(MUTATION('evil'), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
      await refused(MUTATION('evil'), { origin: 'https://other.canopy.example', 'sec-fetch-site': 'same-site' });
      // Sec-Fetch-Site wins over an Origin that happens to match the Host.
      await refused(MUTATION('evil'), { origin: own, 'sec-fetch-site': 'cross-site' });
    });

    it('should refuse a cookie-authenticated query from another origin too: every POST is held to the rule', async () => {
      await refused({ query: '{ viewer { email } }' }, { origin: 'https://evil.example' });
    });

    it("should admit the console's own origin, by Origin or by Sec-Fetch-Site", async () => {
      await admitted('same-origin', { origin: own });
      await admitted('same-origin-fetch', { origin: own, 'sec-fetch-site': 'same-origin' });
      // Behind a proxy that rewrites Host, the browser's Sec-Fetch-Site still says same-origin.
      await admitted('proxied-fetch', { origin: 'https://canopy.example.com', 'sec-fetch-site': 'same-origin' });
      // A trusted proxy (CANOPY_TRUST_PROXY, loopback here) names the public host in X-Forwarded-Host.
      await admitted('forwarded-host', { origin: 'https://canopy.example.com', 'x-forwarded-host': 'canopy.example.com' });
    });

    it('should admit a cookie-authenticated POST without Origin or Sec-Fetch-Site: it does not come from a browser page', async () => {
      await admitted('no-origin', {});
    });

    it('should not affect bearer-token requests, whatever their Origin', async () => {
      const r = await post(t, MUTATION('bearer-evil'), { authorization: `Bearer ${ADMIN_TOKEN}`, cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
      expect(r.status).toBe(200);
      expect(r.json?.data).toEqual({ createTeam: { key: 'bearer-evil' } });
    });

    it('should let GET queries through: they cannot change anything', async () => {
      const r = await call(t, { method: 'GET', query: '{ viewer { email } }', headers: { cookie, origin: 'https://evil.example', 'apollo-require-preflight': 'true' } });
      expect(r.status).toBe(200);
    });

    it('should admit the origins CANOPY_CORS_ORIGINS names, and those only', async () => {
      const configured = await startTestServer(dialect, { CANOPY_CORS_ORIGINS: 'https://console.example.com' });
      try {
        const session = await signIn(configured);
        await admitted('configured', { origin: 'https://console.example.com', 'sec-fetch-site': 'cross-site' }, configured, session);
        const other = await post(configured, MUTATION('not-configured'), { cookie: session, origin: 'https://other.example.com' });
        expect(other.status).toBe(403);
        expect(other.json?.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      } finally {
        await configured.close();
      }
    });
  });
});
