import { runCli } from '../cli';
import { fakeIo } from './fake-io';

const SERVICE = `apiVersion: canopy/v1
kind: Service
metadata: { key: maps, name: Maps, team: geo }
spec:
  inventory:
    - dataCategory: device.location
      purposes: [service.provide]
      source: DEVICE_PERMISSION
      legalBasis: CONSENT
      retentionDays: 30
      encryption: AT_REST_AND_IN_TRANSIT
`;

const TAXONOMY = { dataCategories: [{ key: 'device.location' }], dataUses: [{ key: 'service.provide' }] };

describe('runCli', () => {
  describe('usage', () => {
    it('should print help with the exit codes and exit 0', async () => {
      const io = fakeIo();
      expect(await runCli(['--help'], io)).toBe(0);
      expect(io.out()).toMatch(/Exit codes:\n {2}0 {2}success\n {2}1 {2}findings/);
      expect(io.out()).toMatch(/CANOPY_URL/);
    });

    it.each([
      [['apply'], /required option '-f, --file/],
      [['nope'], /unknown command 'nope'/],
      [['check', '-f', 'a.yaml', '--fail-on', 'SEVERE'], /--fail-on must be one of LOW, MEDIUM, HIGH, CRITICAL/],
      [['export', 'ropa', '--format', 'xml'], /Allowed choices are csv, json/],
      [['export', 'ropa', '--at', 'yesterday'], /--at must be an ISO 8601 instant/],
      [['whoami', '--output', 'yaml'], /Allowed choices are human, json/],
    ])('should exit 2 for %j', async (argv, message) => {
      const io = fakeIo({ 'a.yaml': SERVICE });
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(message);
    });

    it('should exit 2 naming the variable when no URL or token is configured', async () => {
      const io = fakeIo({}, undefined, {});
      expect(await runCli(['whoami'], io)).toBe(2);
      expect(io.err()).toMatch(/set CANOPY_URL or pass --url/);
      const tokenless = fakeIo({}, undefined, { CANOPY_URL: 'http://x.test' });
      expect(await runCli(['whoami'], tokenless)).toBe(2);
      expect(tokenless.err()).toMatch(/set CANOPY_TOKEN or pass --token/);
    });

    it('should exit 2 for a missing manifest file, before any request', async () => {
      const io = fakeIo();
      expect(await runCli(['apply', '-f', 'missing.yaml'], io)).toBe(2);
      expect(io.err()).toMatch(/missing\.yaml: cannot read: no such file/);
      expect(io.requests).toEqual([]);
    });

    it('should report an invalid manifest as JSON with --output json, before any request', async () => {
      const io = fakeIo({ 'a.yaml': SERVICE.replace('retentionDays: 30', 'retentionDays: forever') });
      expect(await runCli(['apply', '-f', 'a.yaml', '--output', 'json'], io)).toBe(2);
      const { error } = JSON.parse(io.out());
      expect(error).toEqual({
        code: 'INVALID_MANIFEST',
        exitCode: 2,
        message: '1 problem in the manifests',
        problems: [{ file: 'a.yaml', document: 1, line: 10, path: 'spec.inventory[0].retentionDays', message: 'must be a whole number of days (or null: kept indefinitely)' }],
      });
      expect(io.requests).toEqual([]);
    });
  });

  describe('configuration', () => {
    it('should send the token as a bearer and append /graphql to the URL; flags win over the environment', async () => {
      const io = fakeIo({}, () => ({ data: { viewer: { id: '1', email: 'a@x.test', name: 'A', roles: ['ENGINEER'], teams: [{ key: 'geo', name: 'Geo' }] } } }));
      expect(await runCli(['whoami', '--url', 'https://api.test/', '--token', 'flag-token', '--output', 'json'], io)).toBe(0);
      expect(io.requests[0]).toEqual(expect.objectContaining({ url: 'https://api.test/graphql', authorization: 'Bearer flag-token' }));
      expect(JSON.parse(io.out())).toEqual({ endpoint: 'https://api.test/graphql', email: 'a@x.test', name: 'A', roles: ['ENGINEER'], teams: ['geo'] });
    });
  });

  describe('server errors', () => {
    it('should exit 3 on UNAUTHENTICATED and FORBIDDEN', async () => {
      for (const code of ['UNAUTHENTICATED', 'FORBIDDEN']) {
        const io = fakeIo({}, () => ({ errors: [{ message: 'no', extensions: { code } }] }));
        expect(await runCli(['audit', 'verify'], io)).toBe(3);
        expect(io.err()).toMatch(new RegExp(code));
      }
    });

    it('should exit 3 when the server answers with no GraphQL response', async () => {
      const io = fakeIo();
      io.fetch = (async () => new Response('<html>bad gateway</html>', { status: 502 })) as typeof fetch;
      expect(await runCli(['whoami'], io)).toBe(3);
      expect(io.err()).toMatch(/HTTP 502/);
    });

    it('should map an input error the API locates in the inventory back to the manifest', async () => {
      const io = fakeIo({ 'a.yaml': SERVICE }, (query) => {
        if (query.includes('CurrentState')) return { data: { viewer: {}, teams: [{ key: 'geo' }], ...TAXONOMY, s0: null } };
        if (query.includes('registerService')) return { data: { registerService: { key: 'maps', version: 1 } } };
        return { errors: [{ message: 'items[0].retentionDays: too long.', extensions: { code: 'BAD_USER_INPUT', argument: 'items[0].retentionDays' } }] };
      });
      expect(await runCli(['apply', '-f', 'a.yaml'], io)).toBe(2);
      expect(io.err()).toMatch(/a\.yaml:10: document 1: spec\.inventory\[0\]\.retentionDays: too long\./);
      expect(io.err()).toMatch(/Applied before the failure: service maps/);
    });
  });

  describe('apply', () => {
    it('should print the plan and send no mutation with --dry-run', async () => {
      const io = fakeIo({ 'a.yaml': SERVICE }, () => ({ data: { viewer: {}, teams: [{ key: 'geo' }], ...TAXONOMY, s0: null } }));
      expect(await runCli(['apply', '-f', 'a.yaml', '--dry-run'], io)).toBe(0);
      expect(io.requests.map((r) => r.query.match(/^(query|mutation) (\w+)/)?.[2])).toEqual(['CurrentState']);
      expect(io.out()).toMatch(/Plan \(dry run, nothing applied\): 2 to create, 0 to update, 0 unchanged/);
      expect(io.out()).toMatch(/\+ service maps .*create: register in team geo/);
    });
  });

  describe('check', () => {
    const finding = (severity: string, accepted = false) => ({ rule: `R_${severity}`, severity, dataCategory: 'device.location', message: 'm', accepted, acceptedUntil: null, clause: null });
    const checkIo = (findings: unknown[]) =>
      fakeIo({ 'a.yaml': SERVICE }, (query) =>
        query.includes('Taxonomy') ? { data: TAXONOMY } : { data: { checkServiceManifest: { serviceKey: 'maps', registered: false, at: '2026-01-01T00:00:00.000Z', findings } } },
      );

    it.each([
      ['MEDIUM', 'HIGH', 0],
      ['HIGH', 'HIGH', 1],
      ['CRITICAL', 'HIGH', 1],
      ['LOW', 'LOW', 1],
      ['HIGH', 'CRITICAL', 0],
    ])('should exit accordingly for a %s finding with --fail-on %s', async (severity, threshold, code) => {
      const io = checkIo([finding(severity)]);
      expect(await runCli(['check', '-f', 'a.yaml', '--fail-on', threshold.toLowerCase()], io)).toBe(code);
    });

    it('should not fail on a finding an officer accepted', async () => {
      const io = checkIo([finding('CRITICAL', true)]);
      expect(await runCli(['check', '-f', 'a.yaml', '--output', 'json'], io)).toBe(0);
      expect(JSON.parse(io.out())).toEqual(expect.objectContaining({ failOn: 'HIGH', failed: false }));
    });

    it('should send the normalised inventory and apply nothing', async () => {
      const io = checkIo([]);
      expect(await runCli(['check', '-f', 'a.yaml'], io)).toBe(0);
      expect(io.requests.map((r) => r.query.match(/^(query|mutation) (\w+)/)?.[1])).toEqual(['query', 'query']);
      expect(io.requests[1].variables.input).toEqual(expect.objectContaining({ key: 'maps', servesMinors: null, sharing: [] }));
    });

    it('should locate taxonomy keys the organisation lacks and exit 2', async () => {
      const io = fakeIo({ 'a.yaml': SERVICE }, () => ({ data: { dataCategories: [], dataUses: [{ key: 'service.provide' }] } }));
      expect(await runCli(['check', '-f', 'a.yaml'], io)).toBe(2);
      expect(io.err()).toMatch(/a\.yaml:6: document 1: spec\.inventory\[0\]\.dataCategory: unknown data category "device\.location"/);
    });
  });

  describe('export ropa', () => {
    const record = {
      at: '2026-01-01T00:00:00.000Z',
      generatedAt: '2026-02-01T00:00:00.000Z',
      homeRegion: { name: 'EEA', countries: ['DE'], isDefault: true },
      activities: [],
    };

    it('should pass --at as an instant and write the file with -o', async () => {
      const io = fakeIo({}, () => ({ data: { recordOfProcessing: record } }));
      expect(await runCli(['export', 'ropa', '--at', '2026-01-01', '--format', 'json', '-o', 'ropa.json'], io)).toBe(0);
      expect(io.requests[0].variables).toEqual({ at: '2026-01-01T00:00:00.000Z' });
      expect(JSON.parse(io.written.get('/work/ropa.json')!)).toEqual(record);
      expect(io.out()).toMatch(/Wrote 0 processing activities as of 2026-01-01T00:00:00.000Z to ropa.json \(json\)/);
    });

    it('should write JSON to stdout with --output json and no --format', async () => {
      const io = fakeIo({}, () => ({ data: { recordOfProcessing: record } }));
      expect(await runCli(['export', 'ropa', '--output', 'json'], io)).toBe(0);
      expect(JSON.parse(io.out())).toEqual(record);
    });

    it('should write CSV to stdout by default', async () => {
      const io = fakeIo({}, () => ({ data: { recordOfProcessing: record } }));
      expect(await runCli(['export', 'ropa'], io)).toBe(0);
      expect(io.out().split('\n')[0]).toBe('service,service_name,team,lifecycle,purpose,purpose_name,legal_bases,data_subjects,data_categories,recipients,transfers_outside_home_region,transfers,dpia,erasure_time_limits,security_measures,gaps,as_of');
      expect(io.requests[0].variables).toEqual({ at: null });
    });
  });

  describe('audit verify', () => {
    it('should exit 1 when the chain is broken', async () => {
      const io = fakeIo({}, () => ({ data: { verifyAuditLog: { ok: false, checkedEvents: 4, firstBrokenSeq: 4, headSeq: null, headHash: null } } }));
      expect(await runCli(['audit', 'verify'], io)).toBe(1);
      expect(io.out()).toMatch(/BROKEN: first event that does not verify is seq 4/);
    });
  });
});
