import { testDialects } from '@canopy/persistence';
import { codeOf, expectRefusal, tableCounts } from '../../../testing/test-server';
import { AUDITOR, ENGINEER, OFFICER, OTHER_ENGINEER, useWorld } from '../../../testing/world';

const REGISTER = `mutation($input: RegisterServiceInput!) {
  registerService(input: $input) { key name description lifecycle servesMinors version team { key } }
}`;
const UPDATE = `mutation($input: UpdateServiceInput!) { updateService(input: $input) { key name version lifecycle team { key } } }`;

describe.each(testDialects())('service registry on %s', (dialect) => {
  const t = useWorld(dialect, {
    teams: ['geo', 'media', 'mobile'],
    people: {
      officer: OFFICER,
      geoEngineer: ENGINEER,
      mediaEngineer: OTHER_ENGINEER,
      bothEngineer: { email: 'both@x.test', roles: ['ENGINEER'], teams: ['geo', 'media'] },
      auditor: AUDITOR,
    },
  });
  const { as } = t;

  describe('registerService', () => {
    it("should let an engineer register a service of its own team, with the contract's defaults", async () => {
      const r = await t.gql(REGISTER, { input: { key: 'maps', name: 'Maps', teamKey: 'geo' } }, as.geoEngineer);
      expect(r.errors).toBeUndefined();
      expect(r.data?.registerService).toEqual({
        key: 'maps',
        name: 'Maps',
        description: null,
        lifecycle: 'ACTIVE',
        servesMinors: false,
        version: 1,
        team: { key: 'geo' },
      });
    });

    it('should let an officer register a service of any team', async () => {
      const r = await t.gql(REGISTER, { input: { key: 'moments', name: 'Moments', teamKey: 'media', servesMinors: true } }, as.officer);
      expect(r.data?.registerService.servesMinors).toBe(true);
    });

    it.each([
      ['an engineer of another team', () => as.mediaEngineer],
      ['an auditor', () => as.auditor],
      ['an admin', () => undefined],
    ])('should refuse %s with FORBIDDEN and write nothing', async (_who, token) => {
      await expectRefusal(t, 'FORBIDDEN', () => t.gql(REGISTER, { input: { key: 'nope', name: 'Nope', teamKey: 'geo' } }, token()));
    });

    it.each([
      ['a key with capitals', { key: 'Maps2', name: 'X', teamKey: 'geo' }],
      ['a key starting with a digit', { key: '2maps', name: 'X', teamKey: 'geo' }],
      ['a key over 63 characters', { key: `m${'a'.repeat(63)}`, name: 'X', teamKey: 'geo' }],
      ['a blank name', { key: 'blank', name: ' ', teamKey: 'geo' }],
      ['a name over 200 characters', { key: 'long-name', name: 'n'.repeat(201), teamKey: 'geo' }],
      ['an unknown team', { key: 'lost', name: 'Lost', teamKey: 'nowhere' }],
      ['a duplicate key', { key: 'maps', name: 'Maps again', teamKey: 'geo' }],
    ])('should refuse %s with BAD_USER_INPUT and write nothing', async (_case, input) => {
      const before = await tableCounts(t.server);
      const r = await t.gql(REGISTER, { input }, as.officer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.status).toBeLessThan(500);
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it.each([
      ['a missing required field', { key: 'x1', teamKey: 'geo' }],
      ['a wrong type', { key: 'x2', name: 'X', teamKey: 'geo', servesMinors: 'yes' }],
      ['an unknown enum value', { key: 'x3', name: 'X', teamKey: 'geo', lifecycle: 'ALIVE' }],
    ])('should refuse %s in variables with HTTP 400 and BAD_USER_INPUT', async (_case, input) => {
      const r = await t.gql(REGISTER, { input }, as.officer);
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });
  });

  describe('updateService', () => {
    it('should change fields and bump the version once per change', async () => {
      const r = await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: 1, name: 'Maps & Directions', lifecycle: 'DEPRECATED' } }, as.geoEngineer);
      expect(r.data?.updateService).toMatchObject({ name: 'Maps & Directions', lifecycle: 'DEPRECATED', version: 2 });
    });

    it('should refuse a stale expectedVersion with VERSION_CONFLICT and change nothing', async () => {
      const before = await tableCounts(t.server);
      const r = await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: 1, name: 'Stale' } }, as.geoEngineer);
      expect(codeOf(r)).toBe('VERSION_CONFLICT');
      expect(r.errors?.[0].extensions?.currentVersion).toBe(2);
      expect((await t.gql('{ service(key: "maps") { name version } }', {}, as.auditor)).data?.service).toEqual({ name: 'Maps & Directions', version: 2 });
      expect(await tableCounts(t.server)).toEqual(before);
    });

    it('should let exactly one of two concurrent updates of the same version win', async () => {
      const results = await Promise.all(
        ['First', 'Second'].map((name) => t.gql(UPDATE, { input: { key: 'maps', expectedVersion: 2, name } }, as.officer)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'VERSION_CONFLICT')).toHaveLength(1);
      expect((await t.gql('{ service(key: "maps") { version } }', {}, as.auditor)).data?.service.version).toBe(3);
    });

    it('should not bump the version when nothing changes', async () => {
      const current = (await t.gql('{ service(key: "maps") { name version } }', {}, as.auditor)).data!.service;
      const r = await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: current.version, name: current.name } }, as.officer);
      expect(r.data?.updateService.version).toBe(current.version);
    });

    it('should refuse an engineer of another team, and a move to a team the engineer is not in', async () => {
      const version = (await t.gql('{ service(key: "maps") { version } }', {}, as.auditor)).data!.service.version;
      expect(codeOf(await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: version, name: 'X' } }, as.mediaEngineer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: version, teamKey: 'mobile' } }, as.geoEngineer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: version, name: 'X' } }, as.auditor))).toBe('FORBIDDEN');
    });

    it('should let an engineer of both teams, or an officer, move a service', async () => {
      let version = (await t.gql('{ service(key: "maps") { version } }', {}, as.auditor)).data!.service.version;
      const moved = await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: version, teamKey: 'media' } }, as.bothEngineer);
      expect(moved.data?.updateService.team.key).toBe('media');
      version = moved.data!.updateService.version;
      const back = await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: version, teamKey: 'geo' } }, as.officer);
      expect(back.data?.updateService.team.key).toBe('geo');
    });

    it('should answer NOT_FOUND for an unknown service and BAD_USER_INPUT for an unknown team', async () => {
      expect(codeOf(await t.gql(UPDATE, { input: { key: 'ghost', expectedVersion: 1, name: 'G' } }, as.officer))).toBe('NOT_FOUND');
      const version = (await t.gql('{ service(key: "maps") { version } }', {}, as.auditor)).data!.service.version;
      expect(codeOf(await t.gql(UPDATE, { input: { key: 'maps', expectedVersion: version, teamKey: 'nowhere' } }, as.officer))).toBe('BAD_USER_INPUT');
    });
  });

  describe('services query', () => {
    beforeAll(async () => {
      for (let i = 0; i < 23; i++) {
        const key = `svc-${String(i).padStart(2, '0')}`;
        await t.gql(REGISTER, { input: { key, name: i % 2 ? `Odd Service ${i}` : `Even ${i}`, teamKey: i % 3 ? 'geo' : 'mobile', lifecycle: i % 5 ? 'ACTIVE' : 'PLANNED' } }, as.officer);
      }
    });

    it('should page through every service exactly once, in key order', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 20; page++) {
        const r: any = await t.gql(
          'query($after: String) { services(first: 4, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } totalCount } }',
          { after },
          as.auditor,
        );
        const connection = r.data.services;
        total = connection.totalCount;
        seen.push(...connection.edges.map((e: { node: { key: string } }) => e.node.key));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(total).toBe(25);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect([...seen].sort()).toEqual(seen);
    });

    it('should count every match on an empty page too: past the last one, and for a filter matching nothing', async () => {
      const PAGE = 'query($after: String, $f: ServiceFilter) { services(first: 200, after: $after, filter: $f) { edges { node { key } } pageInfo { hasNextPage endCursor } totalCount } }';
      const page = async (after: string | null, f: Record<string, unknown> | null) => (await t.gql(PAGE, { after, f }, as.auditor)).data!.services;
      const all = await page(null, null);
      expect(all.totalCount).toBe(all.edges.length);
      expect(all.totalCount).toBeGreaterThan(20);
      expect(await page(all.pageInfo.endCursor, null)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: all.totalCount });
      const mobile = await page(null, { teamKey: 'mobile' });
      expect(mobile.totalCount).toBe(8);
      expect(await page(mobile.pageInfo.endCursor, { teamKey: 'mobile' })).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 8 });
      expect(await page(null, { search: 'no such service' })).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
    });

    it('should filter by team, lifecycle and case-insensitive search on key or name', async () => {
      const keys = async (filter: Record<string, unknown>) =>
        ((await t.gql('query($f: ServiceFilter) { services(first: 200, filter: $f) { totalCount edges { node { key } } } }', { f: filter }, as.auditor))
          .data!.services.edges as { node: { key: string } }[]).map((e) => e.node.key);
      expect(await keys({ teamKey: 'mobile' })).toEqual(['svc-00', 'svc-03', 'svc-06', 'svc-09', 'svc-12', 'svc-15', 'svc-18', 'svc-21']);
      expect(await keys({ lifecycle: 'PLANNED' })).toEqual(['svc-00', 'svc-05', 'svc-10', 'svc-15', 'svc-20']);
      expect(await keys({ search: 'ODD SERVICE 1' })).toEqual(['svc-01', 'svc-11', 'svc-13', 'svc-15', 'svc-17', 'svc-19']);
      expect(await keys({ search: 'MOMENTS' })).toEqual(['moments']);
      expect(await keys({ search: '100%_' })).toEqual([]);
      expect(await keys({ teamKey: 'mobile', lifecycle: 'PLANNED' })).toEqual(['svc-00', 'svc-15']);
    });

    it('should refuse first above 200 or below 1, and a forged cursor, with BAD_USER_INPUT', async () => {
      expect(codeOf(await t.gql('{ services(first: 201) { totalCount } }', {}, as.auditor))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql('{ services(first: 0) { totalCount } }', {}, as.auditor))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql('{ services(first: 5, after: "garbage") { totalCount } }', {}, as.auditor))).toBe('BAD_USER_INPUT');
    });

    it('should cost the same number of SQL statements for first: 10 and first: 100 with nested teams', async () => {
      const query = 'query($n: Int!) { services(first: $n) { edges { node { key team { name services { key } } } } } }';
      const small = await t.gql(query, { n: 10 }, as.auditor);
      const large = await t.gql(query, { n: 100 }, as.auditor);
      expect(large.data!.services.edges.length).toBeGreaterThan(small.data!.services.edges.length);
      expect(small.statements).toBeGreaterThan(0);
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(8);
    });

    it('should return null for an unknown key', async () => {
      expect((await t.gql('{ service(key: "ghost") { key } }', {}, as.auditor)).data?.service).toBeNull();
    });

    it('should list a team\'s services', async () => {
      const r = await t.gql('{ teams { key services { key } } }', {}, as.auditor);
      const media = r.data!.teams.find((team: { key: string }) => team.key === 'media');
      expect(media.services.map((s: { key: string }) => s.key)).toEqual(['moments']);
    });
  });
});
