import { testDialects } from '@canopy/persistence';
import { codeOf, startTestServer, tableCounts, TestServer } from '../testing/test-server';

/** Instants the calendar does not have: Date would roll each over to a real one. */
const IMPOSSIBLE = ['2026-02-30T10:00:00Z', '2027-02-29T00:00:00.000Z', '2026-04-31T12:00:00+02:00', '2026-11-29T24:00:00Z', '2026-11-29T24:00Z', '2026-11-29T10:00:60Z'];

describe.each(testDialects())('the DateTime scalar on %s', (dialect) => {
  let t: TestServer;
  let officer: string;

  beforeAll(async () => {
    t = await startTestServer(dialect);
    officer = await t.user('dpo@scalar.test', ['PRIVACY_OFFICER']);
  });
  afterAll(() => t.close());

  describe.each(IMPOSSIBLE)('%s', (instant) => {
    it('should be refused with BAD_USER_INPUT as a variable, in an argument and in an input object', async () => {
      for (const r of [
        await t.gql('query($at: DateTime) { homeRegion(at: $at) { name } }', { at: instant }),
        await t.gql('query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }', { f: { from: instant } }),
      ]) {
        expect(r.status).toBe(400);
        expect(codeOf(r)).toBe('BAD_USER_INPUT');
        expect(r.errors?.[0].message).toContain('is not a real instant');
        expect(r.data).toBeUndefined();
      }
    });

    it('should be refused with BAD_USER_INPUT as an inline literal', async () => {
      for (const r of [
        await t.gql(`{ homeRegion(at: "${instant}") { name } }`),
        await t.gql(`{ auditEvents(filter: { to: "${instant}" }) { totalCount } }`),
      ]) {
        expect(r.status).toBe(400);
        expect(codeOf(r)).toBe('BAD_USER_INPUT');
        expect(r.errors?.[0].message).toContain(`DateTime "${instant}" is not a real instant`);
        expect(r.data).toBeUndefined();
      }
    });

    it('should write nothing when a mutation carries it', async () => {
      const before = await tableCounts(t.server);
      const variable = await t.gql('mutation($at: DateTime) { createApiToken(name: "later", expiresAt: $at) { id } }', { at: instant });
      const literal = await t.gql(`mutation { registerProcessor(input: { key: "cal", name: "Cal", country: "DE", dpaSignedAt: "${instant}" }) { key } }`, {}, officer);
      expect([codeOf(variable), codeOf(literal)]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect(await tableCounts(t.server)).toEqual(before);
    });
  });

  it('should accept the forms the clients send: Z or an offset, with or without seconds and milliseconds', async () => {
    const cases: [string, string][] = [
      ['2099-11-29T10:00:00.000Z', '2099-11-29T10:00:00.000Z'],
      ['2099-11-29T10:00:00Z', '2099-11-29T10:00:00.000Z'],
      ['2099-11-29T10:00Z', '2099-11-29T10:00:00.000Z'],
      ['2099-11-29T10:00:00.5+02:00', '2099-11-29T08:00:00.500Z'],
      ['2099-02-28T23:30:00-05:30', '2099-03-01T05:00:00.000Z'],
      ['2096-02-29T00:00:00Z', '2096-02-29T00:00:00.000Z'],
    ];
    for (const [typed, served] of cases) {
      const variable = await t.gql('mutation($at: DateTime) { createApiToken(name: "fine", expiresAt: $at) { expiresAt } }', { at: typed });
      expect(variable.errors).toBeUndefined();
      expect(variable.data?.createApiToken.expiresAt).toBe(served);
      const literal = await t.gql(`mutation { createApiToken(name: "fine", expiresAt: "${typed}") { expiresAt } }`);
      expect(literal.data?.createApiToken.expiresAt).toBe(served);
    }
  });

  it('should keep refusing a string that is not an instant at all with BAD_USER_INPUT', async () => {
    expect(codeOf(await t.gql('query($at: DateTime) { homeRegion(at: $at) { name } }', { at: 'tomorrow' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql('{ homeRegion(at: "2026-11-29") { name } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql('{ homeRegion(at: 1764410400000) { name } }'))).toBe('BAD_USER_INPUT');
  });
});
