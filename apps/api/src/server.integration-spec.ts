import { testDialects } from '@canopy/persistence';
import { startTestServer } from './testing/test-server';
import { useWorld } from './testing/world';

describe.each(testDialects())('HTTP server on %s', (dialect) => {
  const t = useWorld(dialect);

  it('should answer /healthz and /readyz', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('should answer GET queries and refuse GET mutations', async () => {
    const query = encodeURIComponent('{ viewer { email } }');
    const ok = await fetch(`${t.url}/graphql?query=${query}`, { headers: { authorization: 'Bearer bootstrap-token-for-tests-0123456789', 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    const mutation = encodeURIComponent('mutation { createTeam(key: "via-get", name: "x") { id } }');
    const refused = await fetch(`${t.url}/graphql?query=${mutation}`, { headers: { authorization: 'Bearer bootstrap-token-for-tests-0123456789', 'apollo-require-preflight': 'true' } });
    expect(refused.status).toBe(405);
  });

  it('should refuse malformed JSON and a parse error as client errors without a stack', async () => {
    // Signed in: an anonymous caller gets 401 whatever it sends (graphql-access.integration-spec.ts).
    const bad = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bootstrap-token-for-tests-0123456789' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    const parse = await t.gql('{ viewer { ');
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(parse.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('should not list demo logins outside demo mode', async () => {
    expect((await fetch(`${t.url}/auth/demo-logins`)).status).toBe(404);
  });

  it('should list the demo logins in demo mode', async () => {
    const demo = await startTestServer(dialect, { CANOPY_DEMO: 'true' });
    try {
      const response = await fetch(`${demo.url}/auth/demo-logins`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { password: string; logins: { email: string; roles: string[] }[] };
      expect(body.password).toBe('canopy-demo-2026');
      expect(body.logins).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'dpo@canopy.demo', roles: ['PRIVACY_OFFICER'] })]));
    } finally {
      await demo.close();
    }
  });

  it('should answer 503 from /readyz once the database is gone', async () => {
    const other = await startTestServer(dialect);
    await other.server.db.dataSource.destroy();
    expect((await fetch(`${other.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    await other.server.db.dataSource.initialize();
    await other.close();
  });
});
