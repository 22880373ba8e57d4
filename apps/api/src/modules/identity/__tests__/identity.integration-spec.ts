import { ApiTokenEntity, testDialects } from '@canopy/persistence';
import { ADMIN_EMAIL, ADMIN_TOKEN, codeOf, tableCounts } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

describe.each(testDialects())('identity on %s', (dialect) => {
  const t = useWorld(dialect, { teams: ['geo'], people: { officer: OFFICER, engineer: { ...ENGINEER, email: 'eng@x.test' }, auditor: AUDITOR } });
  const { as } = t;

  describe('viewer', () => {
    it('should answer the bootstrap admin for the bootstrap token', async () => {
      const r = await t.gql('{ viewer { email roles teams { key } } }');
      expect(r.data?.viewer).toEqual({ email: ADMIN_EMAIL, roles: ['ADMIN'], teams: [] });
    });

    it('should refuse a request without credentials with UNAUTHENTICATED', async () => {
      const r = await t.gql('{ viewer { email } }', {}, {});
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.data?.viewer ?? null).toBeNull();
    });

    it('should refuse an unknown token with UNAUTHENTICATED', async () => {
      expect(codeOf(await t.gql('{ teams { key } }', {}, 'cnp_not-a-real-token'))).toBe('UNAUTHENTICATED');
    });

    it("should list the viewer's teams", async () => {
      const r = await t.gql('{ viewer { email roles teams { key name } } }', {}, as.engineer);
      expect(r.data?.viewer).toEqual({ email: 'eng@x.test', roles: ['ENGINEER'], teams: [{ key: 'geo', name: 'Geo' }] });
    });
  });

  describe('admin-only mutations', () => {
    it.each([
      ['createTeam', 'mutation { createTeam(key: "t-forbidden", name: "T") { id } }'],
      ['createUser', 'mutation { createUser(email: "nobody@x.test", name: "N", roles: [AUDITOR]) { id } }'],
      ['updateUser', 'mutation { updateUser(email: "eng@x.test", roles: [ADMIN]) { id } }'],
      ['deactivateUser', 'mutation { deactivateUser(email: "eng@x.test") { id } }'],
      ['setPassword', 'mutation { setPassword(email: "eng@x.test", password: "a-long-enough-password") }'],
    ])('should refuse %s to every role but ADMIN and change nothing', async (_name, query) => {
      const before = await tableCounts(t.server);
      for (const token of [as.officer, as.engineer, as.auditor]) {
        expect(codeOf(await t.gql(query, {}, token))).toBe('FORBIDDEN');
      }
      expect(codeOf(await t.gql(query, {}, {}))).toBe('UNAUTHENTICATED');
      expect(await tableCounts(t.server)).toEqual(before);
    });
  });

  describe('users', () => {
    it('should list every user to ADMIN and AUDITOR: auditors read everything', async () => {
      for (const token of [ADMIN_TOKEN, as.auditor]) {
        const r = await t.gql('{ users { email roles active teams { key } } }', {}, token);
        expect(r.errors).toBeUndefined();
        expect(r.data?.users.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([ADMIN_EMAIL, 'dpo@x.test', 'eng@x.test', 'aud@x.test']));
      }
    });

    it('should refuse the list to PRIVACY_OFFICER and ENGINEER, and to anonymous callers', async () => {
      for (const token of [as.officer, as.engineer]) expect(codeOf(await t.gql('{ users { email } }', {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql('{ users { email } }', {}, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('createTeam and createUser', () => {
    it('should create a team and list it', async () => {
      const r = await t.gql('mutation { createTeam(key: "media", name: "Media") { key name } }');
      expect(r.data?.createTeam).toEqual({ key: 'media', name: 'Media' });
      const teams = await t.gql('{ teams { key } }', {}, as.auditor);
      expect(teams.data?.teams.map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['geo', 'media']));
    });

    it.each([
      ['a key that is not a slug', 'mutation { createTeam(key: "Bad Key", name: "X") { id } }'],
      ['a one-letter key', 'mutation { createTeam(key: "a", name: "X") { id } }'],
      ['a blank name', 'mutation { createTeam(key: "blank-name", name: "  ") { id } }'],
      ['a duplicate key', 'mutation { createTeam(key: "geo", name: "Again") { id } }'],
      ['an invalid e-mail', 'mutation { createUser(email: "not-mail", name: "X", roles: [AUDITOR]) { id } }'],
      ['no roles', 'mutation { createUser(email: "r@x.test", name: "X", roles: []) { id } }'],
      ['an unknown team', 'mutation { createUser(email: "r@x.test", name: "X", roles: [ENGINEER], teamKeys: ["nope"]) { id } }'],
      ['a duplicate e-mail', 'mutation { createUser(email: "ENG@x.test", name: "X", roles: [AUDITOR]) { id } }'],
      ['a short password', 'mutation { setPassword(email: "eng@x.test", password: "short") }'],
    ])('should refuse %s with BAD_USER_INPUT and write nothing', async (_case, query) => {
      const before = await tableCounts(t.server);
      const r = await t.gql(query);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toMatch(/\w/);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse an unknown enum value as a client error, not a 500', async () => {
      const r = await t.gql('mutation($r: [Role!]!) { createUser(email: "e@x.test", name: "X", roles: $r) { id } }', { r: ['ROOT'] });
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });

    it('should answer NOT_FOUND for an unknown user', async () => {
      expect(codeOf(await t.gql('mutation { updateUser(email: "ghost@x.test", name: "G") { id } }'))).toBe('NOT_FOUND');
    });
  });

  describe('API tokens', () => {
    it('should let any user mint, list and revoke its own token, showing the plaintext once', async () => {
      const created = await t.gql('mutation { createApiToken(name: "ci") { id name token expiresAt } }', {}, as.auditor);
      const { id, token } = created.data!.createApiToken;
      expect(token).toMatch(/^cnp_[A-Za-z0-9_-]{43}$/);
      expect((await t.gql('{ viewer { email } }', {}, token)).data?.viewer.email).toBe('aud@x.test');
      const listed = await t.gql('{ apiTokens { id name lastUsedAt revokedAt } }', {}, as.auditor);
      const mine = listed.data!.apiTokens.find((x: { id: string }) => x.id === id);
      expect(mine).toMatchObject({ name: 'ci', revokedAt: null });
      expect(JSON.stringify(listed.data)).not.toContain(token);
      expect((await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id }, as.auditor)).data?.revokeApiToken).toBe(true);
      expect(codeOf(await t.gql('{ viewer { email } }', {}, token))).toBe('UNAUTHENTICATED');
    });

    it("should refuse another user's token to a non-admin", async () => {
      const created = await t.gql('mutation { createApiToken(name: "mine") { id } }', {}, as.engineer);
      const id = created.data!.createApiToken.id;
      expect(codeOf(await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id }, as.auditor))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql('mutation { createApiToken(name: "x", userEmail: "eng@x.test") { id } }', {}, as.auditor))).toBe('FORBIDDEN');
      expect((await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id })).data?.revokeApiToken).toBe(true);
    });

    it('should stop honouring an expired token', async () => {
      const soon = t.clock.iso(1500);
      const created = await t.gql('mutation($at: DateTime) { createApiToken(name: "short", expiresAt: $at) { token expiresAt } }', { at: soon }, as.auditor);
      expect(created.data!.createApiToken.expiresAt).toBe(soon);
      t.clock.advance(1700);
      expect(codeOf(await t.gql('{ viewer { email } }', {}, created.data!.createApiToken.token))).toBe('UNAUTHENTICATED');
    });

    it('should refuse an expiry in the past', async () => {
      const r = await t.gql('mutation { createApiToken(name: "old", expiresAt: "2020-01-01T00:00:00Z") { id } }', {}, as.auditor);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });
  });

  describe('console sign-in', () => {
    const login = (body: unknown) => t.login(body);

    it('should sign in with a password, set an httpOnly SameSite=Strict cookie, and sign out', async () => {
      await t.gql('mutation { setPassword(email: "dpo@x.test", password: "correct horse battery") }');
      const response = await login({ email: 'dpo@x.test', password: 'correct horse battery' });
      expect(response.status).toBe(200);
      const setCookie = response.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/canopy_session=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const cookie = setCookie.split(';')[0];
      expect((await t.gql('{ viewer { email } }', {}, { cookie })).data?.viewer.email).toBe('dpo@x.test');
      // A second sign-in rotates: a new session id each time.
      const again = await login({ email: 'dpo@x.test', password: 'correct horse battery' });
      expect(again.headers.get('set-cookie')!.split(';')[0]).not.toBe(cookie);
      await fetch(`${t.url}/auth/logout`, { method: 'POST', headers: { cookie } });
      expect(codeOf(await t.gql('{ viewer { email } }', {}, { cookie }))).toBe('UNAUTHENTICATED');
    });

    it("should act with the user's teams in a session, as with its token", async () => {
      await t.gql('mutation { createTeam(key: "media", name: "Media") { id } }');
      await t.user('two-teams@x.test', ['ENGINEER'], ['geo', 'media']);
      await t.gql('mutation { setPassword(email: "two-teams@x.test", password: "correct horse battery") }');
      const cookie = (await login({ email: 'two-teams@x.test', password: 'correct horse battery' })).headers.get('set-cookie')!.split(';')[0];
      const register = (key: string, teamKey: string) =>
        t.gql('mutation($input: RegisterServiceInput!) { registerService(input: $input) { key team { key } } }', { input: { key, name: key, teamKey } }, { cookie });
      expect((await register('session-geo', 'geo')).data?.registerService).toEqual({ key: 'session-geo', team: { key: 'geo' } });
      expect((await register('session-media', 'media')).data?.registerService).toEqual({ key: 'session-media', team: { key: 'media' } });
      await t.gql('mutation { createTeam(key: "elsewhere", name: "Elsewhere") { id } }');
      expect(codeOf(await register('session-elsewhere', 'elsewhere'))).toBe('FORBIDDEN');
    });

    it('should sign in with an API token', async () => {
      const response = await login({ token: ADMIN_TOKEN });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { user: { email: string } }).user.email).toBe(ADMIN_EMAIL);
    });

    it('should give the same answer for an unknown account and a wrong password', async () => {
      const wrong = await login({ email: 'dpo@x.test', password: 'not the password' });
      const unknown = await login({ email: 'nobody@x.test', password: 'not the password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it('should let a user change its own password only with the current one', async () => {
      await t.gql('mutation { setPassword(email: "aud@x.test", password: "first password 1") }');
      const wrong = await t.gql('mutation { changePassword(currentPassword: "nope nope nope", newPassword: "second password 2") }', {}, as.auditor);
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      const ok = await t.gql('mutation { changePassword(currentPassword: "first password 1", newPassword: "second password 2") }', {}, as.auditor);
      expect(ok.data?.changePassword).toBe(true);
      expect((await login({ email: 'aud@x.test', password: 'second password 2' })).status).toBe(200);
    });
  });

  describe('sessions end with the credentials behind them', () => {
    const signIn = async (body: Record<string, string>): Promise<string> => {
      const response = await t.login(body);
      expect(response.status).toBe(200);
      return (response.headers.get('set-cookie') ?? '').split(';')[0];
    };
    /** Who a cookie or token is now: an e-mail, or the refusal's code. */
    const who = async (as: string | { cookie: string }) => {
      const r = await t.gql('{ viewer { email } }', {}, as);
      return r.data?.viewer?.email ?? codeOf(r);
    };
    const sessionsEnded = async (action: string, entityId: string) => {
      const r = await t.gql('query($f: AuditEventFilter) { auditEvents(filter: $f) { edges { node { after } } } }', { f: { action, entityId } });
      return r.data!.auditEvents.edges.map((e: { node: { after: { sessionsEnded?: number } } }) => e.node.after.sessionsEnded);
    };

    it("should end the user's other sessions on a password change, keeping the session that asked, and audit how many ended", async () => {
      const token = await t.user('pw@x.test', ['ENGINEER'], ['geo']);
      await t.gql('mutation { setPassword(email: "pw@x.test", password: "first password 1") }');
      const asking = { cookie: await signIn({ email: 'pw@x.test', password: 'first password 1' }) };
      const otherBrowser = { cookie: await signIn({ email: 'pw@x.test', password: 'first password 1' }) };
      const withToken = { cookie: await signIn({ token }) };
      const someoneElse = { cookie: await signIn({ token: as.officer }) };
      const r = await t.gql('mutation { changePassword(currentPassword: "first password 1", newPassword: "second password 2") }', {}, asking);
      expect(r.data?.changePassword).toBe(true);
      expect(await who(asking)).toBe('pw@x.test');
      expect(await who(otherBrowser)).toBe('UNAUTHENTICATED');
      expect(await who(withToken)).toBe('UNAUTHENTICATED');
      expect(await who(someoneElse)).toBe('dpo@x.test');
      // API tokens are not sessions: the CLI keeps working.
      expect(await who(token)).toBe('pw@x.test');
      expect(await sessionsEnded('user.password_changed', 'pw@x.test')).toEqual([2]);
    });

    it('should end every session of the user when the change comes with an API token', async () => {
      const token = await t.user('pw-cli@x.test', ['AUDITOR']);
      await t.gql('mutation { setPassword(email: "pw-cli@x.test", password: "first password 1") }');
      const browser = { cookie: await signIn({ email: 'pw-cli@x.test', password: 'first password 1' }) };
      await t.gql('mutation { changePassword(currentPassword: "first password 1", newPassword: "second password 2") }', {}, token);
      expect(await who(browser)).toBe('UNAUTHENTICATED');
      expect(await who(token)).toBe('pw-cli@x.test');
    });

    it("should end every session of the user on an admin's reset, and keep the admin's own session when it resets its own password", async () => {
      const token = await t.user('reset@x.test', ['AUDITOR']);
      await t.gql('mutation { setPassword(email: "reset@x.test", password: "first password 1") }');
      const browser = { cookie: await signIn({ email: 'reset@x.test', password: 'first password 1' }) };
      const withToken = { cookie: await signIn({ token }) };
      const admin = { cookie: await signIn({ token: ADMIN_TOKEN }) };
      const otherAdminBrowser = { cookie: await signIn({ token: ADMIN_TOKEN }) };
      await t.gql('mutation { setPassword(email: "reset@x.test", password: "reset password 1") }', {}, admin);
      expect([await who(browser), await who(withToken), await who(admin)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', ADMIN_EMAIL]);
      // Oldest first: the first password (no session yet), then the reset.
      expect(await sessionsEnded('user.password_set', 'reset@x.test')).toEqual([0, 2]);
      await t.gql(`mutation { setPassword(email: "${ADMIN_EMAIL}", password: "admin password 1") }`, {}, admin);
      expect(await who(admin)).toBe(ADMIN_EMAIL);
      expect(await who(otherAdminBrowser)).toBe('UNAUTHENTICATED');
    });

    it('should end the console sessions opened with an API token when it is revoked, and those only', async () => {
      const first = await t.user('revoker@x.test', ['ENGINEER'], ['geo']);
      const minted = await t.gql('mutation { createApiToken(name: "second") { id token } }', {}, first);
      const { id, token: second } = minted.data!.createApiToken;
      await t.gql('mutation { setPassword(email: "revoker@x.test", password: "first password 1") }');
      const viaSecond = { cookie: await signIn({ token: second }) };
      const viaSecondAgain = { cookie: await signIn({ token: second }) };
      const viaFirst = { cookie: await signIn({ token: first }) };
      const viaPassword = { cookie: await signIn({ email: 'revoker@x.test', password: 'first password 1' }) };
      expect((await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id }, viaSecond)).data?.revokeApiToken).toBe(true);
      expect([await who(viaSecond), await who(viaSecondAgain), await who(second)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      expect([await who(viaFirst), await who(viaPassword), await who(first)]).toEqual(['revoker@x.test', 'revoker@x.test', 'revoker@x.test']);
      expect(await sessionsEnded('token.revoked', id)).toEqual([2]);
    });

    it('should refuse a session whose token was revoked or expired while it was being opened', async () => {
      const token = await t.user('racer@x.test', ['AUDITOR']);
      const listed = await t.gql('{ apiTokens { id } }', {}, token);
      const tokenId = listed.data!.apiTokens[0].id as string;
      const session = { cookie: await signIn({ token }) };
      expect(await who(session)).toBe('racer@x.test');
      // The revocation committed between the sign-in's check and its insert: the session row survived it.
      await t.server.db.manager.update(ApiTokenEntity, { id: tokenId }, { expiresAt: new Date(Date.now() - 1000) });
      expect(await who(session)).toBe('UNAUTHENTICATED');
      await t.server.db.manager.update(ApiTokenEntity, { id: tokenId }, { expiresAt: null, revokedAt: new Date() });
      expect(await who(session)).toBe('UNAUTHENTICATED');
      await t.server.db.manager.update(ApiTokenEntity, { id: tokenId }, { revokedAt: null });
      expect(await who(session)).toBe('racer@x.test');
    });
  });

  describe('updateUser and deactivateUser', () => {
    it('should change roles and teams', async () => {
      await t.user('mover@x.test', ['ENGINEER'], ['geo']);
      const r = await t.gql('mutation { updateUser(email: "mover@x.test", roles: [ENGINEER, AUDITOR], teamKeys: ["media"]) { roles teams { key } } }');
      expect(r.data?.updateUser).toEqual({ roles: ['ENGINEER', 'AUDITOR'], teams: [{ key: 'media' }] });
    });

    it('should revoke tokens and sessions at once on deactivation', async () => {
      const token = await t.user('leaver@x.test', ['ENGINEER'], ['geo']);
      expect((await t.gql('{ viewer { email } }', {}, token)).data?.viewer.email).toBe('leaver@x.test');
      const r = await t.gql('mutation { deactivateUser(email: "leaver@x.test") { active } }');
      expect(r.data?.deactivateUser.active).toBe(false);
      expect(codeOf(await t.gql('{ viewer { email } }', {}, token))).toBe('UNAUTHENTICATED');
    });
  });

  it('should keep working with the bootstrap token after a restart-style second bootstrap (idempotent)', async () => {
    const { bootstrapAdmin } = await import('../bootstrap-admin');
    expect(await bootstrapAdmin(t.server.db, ADMIN_EMAIL, ADMIN_TOKEN)).toBe(false);
    expect((await t.gql('{ viewer { email } }')).data?.viewer.email).toBe(ADMIN_EMAIL);
  });
});
