import { testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { expectOk } from '../../../testing/fixtures';
import { AUDITOR, ENGINEER, OFFICER, useWorld } from '../../../testing/world';

const FIELDS = 'id key name country contactEmail dpaSignedAt dpaExpiresAt certifications dpaReference transferMechanism subProcessors { name country purpose } dpaValid version';
const REGISTER = `mutation($i: RegisterProcessorInput!) { registerProcessor(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($i: UpdateProcessorInput!) { updateProcessor(input: $i) { ${FIELDS} } }`;
const DAY = 24 * 3600 * 1000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

describe.each(testDialects())('processors on %s', (dialect) => {
  const t = useWorld(dialect, { teams: ['geo'], people: { officer: OFFICER, engineer: ENGINEER, auditor: AUDITOR } });
  const { as } = t;

  describe('registerProcessor', () => {
    it('should register a processor with its Art. 28 record and audit it', async () => {
      const r = await expectOk(
        t.gql(
          REGISTER,
          {
            i: {
              key: 'mapbox',
              name: 'Tiles Ltd',
              country: 'us',
              contactEmail: 'DPO@Tiles.test',
              dpaSignedAt: iso(-100),
              dpaExpiresAt: iso(265),
              certifications: ['ISO 27001', 'ISO 27001', 'SOC 2'],
              dpaReference: 'DPA-2026-001',
              transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
              subProcessors: [{ name: 'Cloud Co', country: 'IE', purpose: 'hosting' }],
            },
          },
          as.officer,
        ),
      );
      expect(r.registerProcessor).toMatchObject({
        key: 'mapbox',
        country: 'US',
        contactEmail: 'dpo@tiles.test',
        certifications: ['ISO 27001', 'SOC 2'],
        dpaReference: 'DPA-2026-001',
        transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
        subProcessors: [{ name: 'Cloud Co', country: 'IE', purpose: 'hosting' }],
        dpaValid: true,
        version: 1,
      });
      const events = await t.gql('{ auditEvents(filter: { entityType: "processor", entityId: "mapbox" }) { edges { node { action after } } } }', {}, as.auditor);
      expect(events.data!.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['processor.registered']);
    });

    it('should accept a processor without a DPA and with an expired one, and say the DPA is not valid', async () => {
      expect((await expectOk(t.gql(REGISTER, { i: { key: 'no-dpa', name: 'No DPA', country: 'FR' } }, as.officer))).registerProcessor).toMatchObject({
        dpaValid: false,
        certifications: [],
        subProcessors: [],
      });
      const expired = await expectOk(t.gql(REGISTER, { i: { key: 'lapsed', name: 'Lapsed', country: 'JP', dpaSignedAt: iso(-800), dpaExpiresAt: iso(-1) } }, as.officer));
      expect(expired.registerProcessor.dpaValid).toBe(false);
    });

    it.each([
      ['an engineer', () => as.engineer],
      ['an auditor', () => as.auditor],
      ['an admin', () => undefined],
    ])('should refuse %s with FORBIDDEN and write nothing', async (_who, token) => {
      await expectRefusal(t, 'FORBIDDEN', () => t.gql(REGISTER, { i: { key: 'nope', name: 'Nope', country: 'DE' } }, token()));
    });

    it.each([
      ['a malformed key', { key: 'Bad Key', name: 'X', country: 'DE' }, 'key'],
      ['a blank name', { key: 'blank', name: '  ', country: 'DE' }, 'name'],
      ['a three-letter country', { key: 'c3', name: 'X', country: 'DEU' }, 'country'],
      ['a reserved code (UK)', { key: 'c-uk', name: 'X', country: 'UK' }, 'country'],
      ['a user-assigned code (XK)', { key: 'c-xk', name: 'X', country: 'XK' }, 'country'],
      ['the European Union (EU)', { key: 'c-eu', name: 'X', country: 'EU' }, 'country'],
      ['a malformed e-mail', { key: 'mail', name: 'X', country: 'DE', contactEmail: 'not-an-address' }, 'contactEmail'],
      ['a DPA signed in the future', { key: 'future', name: 'X', country: 'DE', dpaSignedAt: iso(10) }, 'dpaSignedAt'],
      ['an expiry without a signature', { key: 'unsigned', name: 'X', country: 'DE', dpaExpiresAt: iso(10) }, 'dpaExpiresAt'],
      ['an expiry before the signature', { key: 'backwards', name: 'X', country: 'DE', dpaSignedAt: iso(-10), dpaExpiresAt: iso(-20) }, 'dpaExpiresAt'],
      ['a blank certification', { key: 'cert', name: 'X', country: 'DE', certifications: [' '] }, 'certifications'],
      ['a sub-processor in no country', { key: 'subs', name: 'X', country: 'DE', subProcessors: [{ name: 'Y', country: 'ZZ' }] }, 'subProcessors[0].country'],
      ['a sub-processor without a name', { key: 'subs2', name: 'X', country: 'DE', subProcessors: [{ name: ' ', country: 'DE' }] }, 'subProcessors[0].name'],
      ['a duplicate key', { key: 'mapbox', name: 'Again', country: 'DE' }, 'key'],
    ])('should refuse %s with BAD_USER_INPUT and write nothing', async (_case, input, argument) => {
      const before = await tableCounts(t.server);
      const r = await t.gql(REGISTER, { i: input }, as.officer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should refuse an unknown transfer mechanism in variables', async () => {
      const r = await t.gql(REGISTER, { i: { key: 'tm', name: 'X', country: 'DE', transferMechanism: 'HANDSHAKE' } }, as.officer);
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });
  });

  describe('updateProcessor', () => {
    it('should renew a DPA, bump the version and audit before and after', async () => {
      const current = (await expectOk(t.gql('{ processor(key: "lapsed") { version } }', {}, as.auditor))).processor;
      const r = await expectOk(t.gql(UPDATE, { i: { key: 'lapsed', expectedVersion: current.version, dpaSignedAt: iso(-1), dpaExpiresAt: iso(364), dpaReference: 'DPA-2' } }, as.officer));
      expect(r.updateProcessor).toMatchObject({ dpaValid: true, dpaReference: 'DPA-2', version: current.version + 1, name: 'Lapsed', country: 'JP' });
      const events = await t.gql('{ auditEvents(filter: { entityType: "processor", entityId: "lapsed", action: "processor.updated" }) { edges { node { before after } } } }', {}, as.auditor);
      const node = events.data!.auditEvents.edges[0].node;
      expect(node.before.dpaReference).toBeNull();
      expect(node.after.dpaReference).toBe('DPA-2');
    });

    it('should clear optional fields given null and leave omitted ones', async () => {
      const r = await expectOk(t.gql(UPDATE, { i: { key: 'mapbox', expectedVersion: 1, contactEmail: null, subProcessors: null } }, as.officer));
      expect(r.updateProcessor).toMatchObject({ contactEmail: null, subProcessors: [], transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES', version: 2 });
    });

    it('should not bump the version when nothing changes', async () => {
      const r = await expectOk(t.gql(UPDATE, { i: { key: 'mapbox', expectedVersion: 2, name: 'Tiles Ltd', country: 'US' } }, as.officer));
      expect(r.updateProcessor.version).toBe(2);
    });

    it('should refuse a stale version with VERSION_CONFLICT and change nothing', async () => {
      const before = await tableCounts(t.server);
      const r = await t.gql(UPDATE, { i: { key: 'mapbox', expectedVersion: 1, name: 'Stale' } }, as.officer);
      expect(codeOf(r)).toBe('VERSION_CONFLICT');
      expect(r.errors![0].extensions!.currentVersion).toBe(2);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should let exactly one of two concurrent updates of the same version win', async () => {
      const results = await Promise.all(['First', 'Second'].map((name) => t.gql(UPDATE, { i: { key: 'mapbox', expectedVersion: 2, name } }, as.officer)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'VERSION_CONFLICT')).toHaveLength(1);
    });

    it.each([
      ['an unknown country', { country: 'QQ' }, 'country'],
      ['an expiry before the signature on record', { dpaExpiresAt: iso(-2000) }, 'dpaExpiresAt'],
      ['clearing the signature while an expiry stays', { dpaSignedAt: null }, 'dpaExpiresAt'],
      ['a signature in the future', { dpaSignedAt: iso(30) }, 'dpaSignedAt'],
      ['a blank name', { name: '' }, 'name'],
    ])('should refuse %s with BAD_USER_INPUT and change nothing', async (_case, changes, argument) => {
      const before = await tableCounts(t.server);
      const version = (await expectOk(t.gql('{ processor(key: "lapsed") { version } }', {}, as.auditor))).processor.version;
      const r = await t.gql(UPDATE, { i: { key: 'lapsed', expectedVersion: version, ...changes } }, as.officer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.argument).toBe(argument);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should answer FORBIDDEN to an engineer, then BAD_USER_INPUT, then NOT_FOUND, in that order', async () => {
      expect(codeOf(await t.gql(UPDATE, { i: { key: 'ghost', expectedVersion: 1, country: 'QQ' } }, as.engineer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE, { i: { key: 'ghost', expectedVersion: 1, country: 'QQ' } }, as.officer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE, { i: { key: 'ghost', expectedVersion: 1, country: 'DE' } }, as.officer))).toBe('NOT_FOUND');
    });
  });

  describe('queries', () => {
    it('should list processors by key for every signed-in role and find one by key', async () => {
      const r = await expectOk(t.gql('{ processors { key } }', {}, as.engineer));
      expect(r.processors.map((p: { key: string }) => p.key)).toEqual(['lapsed', 'mapbox', 'no-dpa']);
      expect((await expectOk(t.gql('{ processor(key: "ghost") { key } }', {}, as.engineer))).processor).toBeNull();
      expect(codeOf(await t.gql('{ processors { key } }', {}, { token: undefined }))).toBe('UNAUTHENTICATED');
    });
  });
});
