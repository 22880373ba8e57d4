import { ADMIN_TOKEN, ApiProcess, startApi, testDialects } from '../testing/api-process';
import { cli, CliRun, scratch, spawnCli } from '../testing/run-cli';
import { mapsServiceHead, tilesProcessor } from '../testing/manifests';

/**
 * The CLI against a real API (the built bundle in a child process) on a fresh
 * database: apply, re-apply, dry-run, invalid manifests, the check gate, the
 * record of processing now and as of past instants, and the two bins.
 */

const PROCESSORS = `${tilesProcessor()}  certifications: [ISO 27001]
---
apiVersion: canopy/v1
kind: Processor
metadata: { key: logsink, name: Logsink GmbH }
spec:
  country: DE
  dpaSignedAt: 2026-01-01
`;

const MAPS = `# The maps service, as its team declares it.
${mapsServiceHead()}    - dataCategory: device.log
      purposes: [service.improve]
      source: AUTOMATIC
      legalBasis: CONSENT
      retentionDays: 14
      encryption: IN_TRANSIT
      dataSubjects: [customers, visitors]
  securityMeasures:
    - TLS 1.3 for every connection
    - Location data encrypted at rest (AES-256)
  policy:
    clauses:
      - { topic: RETENTION, subject: device.location, value: 30 }
  sharing:
    - processor: tiles
      dataCategories: [device.location]
      purposes: [service.provide]
      legalBasis: CONSENT
    - processor: logsink
      dataCategories: [device.log]
      purposes: [service.improve]
      legalBasis: CONSENT
`;

/** The global policy: consent for collection, everything else allowed, 30-day logs, user.biometric prohibited. */
const GLOBAL_CLAUSES = [
  { topic: 'COLLECTION', subject: '*', value: 'CONSENT' },
  { topic: 'COLLECTION', subject: 'user.biometric', value: 'PROHIBITED' },
  { topic: 'USE', subject: '*:*', value: 'ALLOWED' },
  { topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' },
  { topic: 'RETENTION', subject: 'device.log', value: '30' },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe.each(testDialects())('canopy CLI against the API on %s', (dialect) => {
  let api: ApiProcess;
  let officer: string;
  let officer2: string;
  let engineer: string;
  let auditor: string;
  const files = scratch();
  const as = (token: string) => (argv: string[]): Promise<CliRun> => cli(argv, { url: api.url, token }, files.dir);

  const auditHead = async (): Promise<number> => (await api.gql('{ verifyAuditLog { ok headSeq } }')).verifyAuditLog.headSeq;
  const service = async (key: string) =>
    (
      await api.gql(
        `query($k: String!) { service(key: $k) {
          key name version lifecycle team { key } securityMeasures
          inventory { dataCategory purposes retentionDays dataSubjects }
          policy { key versions { number status clauses { topic subject value } } }
          sharingArrangements { id status version processor { key } dataCategories }
        } }`,
        { k: key },
      )
    ).service;

  beforeAll(async () => {
    api = await startApi(dialect);
    for (const key of ['geo', 'media']) await api.gql(`mutation { createTeam(key: "${key}", name: "${key}") { id } }`);
    officer = await api.user('dpo@canopy.test', ['PRIVACY_OFFICER']);
    officer2 = await api.user('dpo2@canopy.test', ['PRIVACY_OFFICER']);
    engineer = await api.user('geo@canopy.test', ['ENGINEER'], ['geo']);
    auditor = await api.user('audit@canopy.test', ['AUDITOR']);
    await api.gql('mutation { createPolicy(input: { key: "general", title: "General privacy policy", scope: GLOBAL }) { key } }', {}, officer);
    await api.gql('mutation($c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: "general", clauses: $c }) { number } }', { c: GLOBAL_CLAUSES }, officer);
    await api.gql('mutation($at: DateTime!) { publishPolicyVersion(input: { policyKey: "general", number: 1, effectiveAt: $at }) { number } }', { at: new Date().toISOString() }, officer);
    files.write('processors.yaml', PROCESSORS);
    files.write('maps.yaml', MAPS);
  });
  afterAll(async () => {
    await api?.stop();
    files.remove();
  });

  describe('apply', () => {
    it('should register processors (officer) and a service with inventory, measures, policy draft and sharing (engineer)', async () => {
      const processors = await as(officer)(['apply', '-f', 'processors.yaml', '--output', 'json']);
      expect(processors.code).toBe(0);
      expect(processors.json().summary).toEqual({ create: 2, update: 0, unchanged: 0 });

      const before = await auditHead();
      const maps = await as(engineer)(['apply', '-f', 'maps.yaml']);
      expect(maps.stderr).toBe('');
      expect(maps.code).toBe(0);
      expect(maps.stdout).toMatch(/^Applied: 6 created, 0 updated, 0 unchanged/);
      // registered, measures set, inventory set, policy created, v1 drafted, 2 x (proposed + submitted)
      expect((await auditHead()) - before).toBe(9);

      const s = await service('maps');
      expect(s).toEqual(
        expect.objectContaining({ key: 'maps', name: 'Maps', version: 1, lifecycle: 'ACTIVE', team: { key: 'geo' }, securityMeasures: ['TLS 1.3 for every connection', 'Location data encrypted at rest (AES-256)'] }),
      );
      expect(s.inventory.map((i: any) => [i.dataCategory, i.retentionDays, i.dataSubjects])).toEqual([
        ['device.location', 30, ['customers']],
        ['device.log', 14, ['customers', 'visitors']],
      ]);
      expect(s.policy).toEqual({ key: 'maps', versions: [{ number: 1, status: 'DRAFT', clauses: [{ topic: 'RETENTION', subject: 'device.location', value: '30' }] }] });
      expect(s.sharingArrangements.map((a: any) => [a.processor.key, a.status, a.dataCategories])).toEqual(
        expect.arrayContaining([
          ['tiles', 'PENDING_REVIEW', ['device.location']],
          ['logsink', 'PENDING_REVIEW', ['device.log']],
        ]),
      );
    });

    it('should change nothing and write no audit event when the same files are applied again', async () => {
      const before = await auditHead();
      const counts = (await api.gql('{ auditEvents(first: 1) { totalCount } }')).auditEvents.totalCount;
      const again = await as(officer)(['apply', '-f', 'processors.yaml', '-f', 'maps.yaml', '--output', 'json']);
      expect(again.code).toBe(0);
      expect(again.json().summary).toEqual({ create: 0, update: 0, unchanged: 8 });
      expect(again.json().entries.every((e: any) => e.action === 'unchanged')).toBe(true);
      expect(await auditHead()).toBe(before);
      expect((await api.gql('{ auditEvents(first: 1) { totalCount } }')).auditEvents.totalCount).toBe(counts);
      expect((await as(engineer)(['apply', '-f', 'maps.yaml'])).stdout).toMatch(/^Nothing to change: 6 objects already as declared/);
    });

    it('should print the plan and change nothing with --dry-run', async () => {
      files.write('maps-v2.yaml', MAPS.replace('name: Maps\n', 'name: Maps & Directions\n').replace('retentionDays: 14', 'retentionDays: 21'));
      const before = await auditHead();
      const dry = await as(engineer)(['apply', '-f', 'maps-v2.yaml', '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/^Plan \(dry run, nothing applied\): 0 to create, 2 to update, 4 unchanged/);
      expect(dry.stdout).toMatch(/~ service maps +update: name/);
      expect(dry.stdout).toMatch(/~ inventory maps +update: \+1 -1 items \(1 kept\)/);
      expect(dry.stdout).toMatch(/= policy maps +unchanged/);
      expect(await auditHead()).toBe(before);
      expect((await service('maps')).name).toBe('Maps');

      const json = await as(engineer)(['apply', '-f', 'maps-v2.yaml', '--dry-run', '--output', 'json']);
      expect(json.json()).toEqual(expect.objectContaining({ dryRun: true, summary: { create: 0, update: 2, unchanged: 4 } }));
      expect(await auditHead()).toBe(before);
    });

    it('should report five different errors, each with its file, document, line and path, and send nothing', async () => {
      files.write(
        'broken.yaml',
        `${PROCESSORS.split('---\n')[0].replace('country: US', 'country: USA')}---\n` +
          MAPS.replace('team: geo', 'team: Geo Team')
            .replace('lifecycle: ACTIVE', 'lifecycle: LIVE')
            .replace('retentionDays: 30', 'retentionDays: -30')
            .replace('purposes: [service.improve]', 'purposes: []')
            .replace('encryption: IN_TRANSIT', 'encrypton: IN_TRANSIT'),
      );
      const before = await auditHead();
      const run = await as(engineer)(['apply', '-f', 'broken.yaml']);
      expect(run.code).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toBe('error: 7 problems in the manifests:');
      expect(lines.slice(1)).toEqual([
        '  broken.yaml:5: document 1: spec.country: must be an ISO 3166-1 alpha-2 country code such as DE or US',
        '  broken.yaml:17: document 2: metadata.team: must be a key: lowercase letters, digits and dashes, starting with a letter, 2-63 characters',
        '  broken.yaml:20: document 2: spec.lifecycle: must be one of PLANNED, ACTIVE, DEPRECATED, RETIRED',
        '  broken.yaml:28: document 2: spec.inventory[0].retentionDays: must be 0 or more days',
        '  broken.yaml:32: document 2: spec.inventory[1].purposes: list at least one purpose',
        '  broken.yaml:31: document 2: spec.inventory[1].encryption: is required (one of NONE, IN_TRANSIT, AT_REST_AND_IN_TRANSIT)',
        '  broken.yaml:36: document 2: spec.inventory[1].encrypton: unknown field (did you mean encryption?)',
      ]);
      expect(await auditHead()).toBe(before);

      const json = await as(engineer)(['apply', '-f', 'broken.yaml', '--output', 'json']);
      expect(json.code).toBe(2);
      expect(json.json().error.problems.map((p: any) => `${p.document} ${p.path}`)).toEqual([
        '1 spec.country',
        '2 metadata.team',
        '2 spec.lifecycle',
        '2 spec.inventory[0].retentionDays',
        '2 spec.inventory[1].purposes',
        '2 spec.inventory[1].encryption',
        '2 spec.inventory[1].encrypton',
      ]);
    });

    it('should refuse keys the organisation does not have before the first write', async () => {
      files.write('unknown.yaml', MAPS.replace('dataCategory: device.log', 'dataCategory: device.logbook').replace('processor: logsink', 'processor: nowhere'));
      const before = await auditHead();
      const run = await as(engineer)(['apply', '-f', 'unknown.yaml']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/unknown\.yaml:21: document 1: spec\.inventory\[1\]\.dataCategory: unknown data category "device\.logbook"/);
      expect(run.stderr).toMatch(/spec\.sharing\[1\]\.processor: unknown processor "nowhere"/);
      expect(await auditHead()).toBe(before);
    });

    it('should exit 3 when the server refuses the caller (an engineer applying processors)', async () => {
      const changed = PROCESSORS.replace('Tiles Inc.', 'Tiles Incorporated');
      files.write('processors-changed.yaml', changed);
      const run = await as(engineer)(['apply', '-f', 'processors-changed.yaml']);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/processor tiles \(processors-changed\.yaml document 1\): updateProcessor: FORBIDDEN/);
    });
  });

  describe('check', () => {
    const RISKY = MAPS.replace('key: maps', 'key: radar')
      .replace('name: Maps', 'name: Radar')
      // CONTRACT where the global policy requires consent: HIGH; 90 days of logs where it allows 30: MEDIUM.
      .replace('legalBasis: CONSENT\n      retentionDays: 30', 'legalBasis: CONTRACT\n      retentionDays: 30')
      .replace('retentionDays: 14', 'retentionDays: 90');

    it('should exit 1 when a finding is at or above --fail-on, and 0 below it, writing nothing', async () => {
      files.write('radar.yaml', RISKY);
      const before = await auditHead();
      const high = await as(engineer)(['check', '-f', 'radar.yaml', '--fail-on', 'HIGH', '--output', 'json']);
      expect(high.code).toBe(1);
      const [result] = high.json().services;
      expect(result).toEqual(expect.objectContaining({ serviceKey: 'radar', registered: false, failing: 1 }));
      expect(result.findings.map((f: any) => [f.severity, f.rule, f.dataCategory])).toEqual([
        ['HIGH', 'COLLECTION_WITHOUT_CONSENT', 'device.location'],
        ['MEDIUM', 'RETENTION_EXCEEDED', 'device.log'],
      ]);
      expect(result.findings[1].clause).toEqual(expect.objectContaining({ topic: 'RETENTION', subject: 'device.log', value: '30', source: 'GLOBAL', policyKey: 'general' }));

      const critical = await as(engineer)(['check', '-f', 'radar.yaml', '--fail-on', 'CRITICAL']);
      expect(critical.code).toBe(0);
      expect(critical.stdout).toMatch(/radar \(not registered: global policy only\): 2 findings, 0 at or above CRITICAL/);
      expect(critical.stdout).toMatch(/HIGH +COLLECTION_WITHOUT_CONSENT +device\.location/);
      expect(critical.stdout).toMatch(/OK: no finding at or above CRITICAL/);

      const medium = await as(engineer)(['check', '-f', 'radar.yaml', '--fail-on', 'MEDIUM']);
      expect(medium.code).toBe(1);
      expect(medium.stdout).toMatch(/FAILED: findings at or above MEDIUM/);
      expect(await auditHead()).toBe(before);
      expect(await service('radar')).toBeNull();
    });

    it('should pass a compliant manifest of a registered service', async () => {
      const run = await as(engineer)(['check', '-f', 'maps.yaml', '--fail-on', 'LOW', '--output', 'json']);
      expect(run.code).toBe(0);
      expect(run.json().services[0]).toEqual(expect.objectContaining({ serviceKey: 'maps', registered: true, findings: [] }));
    });
  });

  describe('export ropa', () => {
    let beforeApproval: string;
    let afterApproval: string;

    beforeAll(async () => {
      await sleep(20);
      beforeApproval = new Date().toISOString();
      await sleep(20);
      // device.location is sensitive: two officers approve; device.log needs one.
      for (const a of (await service('maps')).sharingArrangements) {
        let version = a.version;
        for (const token of a.processor.key === 'tiles' ? [officer, officer2] : [officer]) {
          version = (await api.gql('mutation($i: ID!, $v: Int!) { approveSharing(input: { id: $i, expectedVersion: $v }) { version } }', { i: a.id, v: version }, token)).approveSharing.version;
        }
      }
      await sleep(20);
      afterApproval = new Date().toISOString();
      await sleep(20);
      // Later: the team changes the log retention and drops personalisation; tiles gets a new transfer mechanism; the home region grows.
      files.write('maps-later.yaml', MAPS.replace('retentionDays: 14', 'retentionDays: 21').replace('purposes: [service.provide, personalize]', 'purposes: [service.provide]'));
      expect((await as(engineer)(['apply', '-f', 'maps-later.yaml'])).code).toBe(0);
      files.write('processors-later.yaml', PROCESSORS.replace('STANDARD_CONTRACTUAL_CLAUSES', 'BINDING_CORPORATE_RULES'));
      expect((await as(officer)(['apply', '-f', 'processors-later.yaml'])).code).toBe(0);
      const profile = { legalName: 'Canopy Demo Ltd', address: '1 Main Street, Dublin', contactEmail: 'privacy@canopy.test', dpoName: 'Dana Officer' };
      await api.gql('mutation($p: OrganisationProfileInput!) { setOrganisationProfile(input: $p) { validFrom } }', { p: profile }, officer);
    });

    it('should export the record now as JSON, per service and purpose, from approved arrangements', async () => {
      const run = await as(auditor)(['export', 'ropa', '--format', 'json']);
      expect(run.code).toBe(0);
      const record = run.json();
      expect(record.homeRegion).toEqual(expect.objectContaining({ name: 'EEA', isDefault: true }));
      expect(record.controller).toEqual(expect.objectContaining({ legalName: 'Canopy Demo Ltd', contactEmail: 'privacy@canopy.test', dpoName: 'Dana Officer', euRepresentative: null }));
      expect(record.activities.map((a: any) => `${a.serviceKey} ${a.purpose}`)).toEqual(['maps service.improve', 'maps service.provide']);
      const provide = record.activities[1];
      expect(provide).toEqual(
        expect.objectContaining({
          serviceName: 'Maps',
          teamKey: 'geo',
          legalBases: ['CONSENT'],
          dataSubjects: ['customers'],
          securityMeasures: ['TLS 1.3 for every connection', 'Location data encrypted at rest (AES-256)'],
          // Sensitive location data sent to the United States: a DPIA is required, and none is recorded.
          gaps: ['maps requires a DPIA (2 criteria met) and no DPIA is recorded'],
        }),
      );
      expect(provide.dpia).toEqual({
        required: true,
        criteria: ['sensitive data: the service collects device.location', 'transfer outside the home region: sensitive device.location (to US) leaves EEA'],
        status: 'NONE',
        assessmentId: null,
        approvedAt: null,
        reviewDueAt: null,
        statusReason: null,
        summary: 'required (2 criteria met), no DPIA is recorded',
      });
      expect(record.activities[0].dpia).toEqual(provide.dpia);
      expect(provide.dataCategories).toEqual([expect.objectContaining({ key: 'device.location', sensitive: true, encryption: 'AT_REST_AND_IN_TRANSIT' })]);
      expect(provide.recipients).toEqual([
        expect.objectContaining({ processorKey: 'tiles', country: 'US', outsideHomeRegion: true, transferMechanism: 'BINDING_CORPORATE_RULES', dataCategories: ['device.location'] }),
      ]);
      // Each activity's transfers, judged now: a mechanism without an approved TIA is no basis yet.
      expect(provide.transfers).toEqual([{ arrangementId: provide.recipients[0].arrangementId, processorKey: 'tiles', recipient: 'processor tiles', country: 'US', restricted: true, lawful: false, basis: null, reason: expect.any(String) }]);
      const improve = record.activities[0];
      expect(improve.transfers).toEqual([expect.objectContaining({ processorKey: 'logsink', country: 'DE', restricted: false, lawful: true, basis: null })]);
      expect(improve.dataSubjects).toEqual(['customers', 'visitors']);
      expect(improve.recipients).toEqual([expect.objectContaining({ processorKey: 'logsink', country: 'DE', outsideHomeRegion: false })]);
      expect(improve.erasureTimeLimits).toEqual([
        { dataCategory: 'device.log', retentionDays: 21, policyLimit: '30', description: '21 days (policy limit: 30 days, global policy general v1)' },
      ]);
    });

    it('should export the same record as CSV, one row per activity', async () => {
      const json = (await as(auditor)(['export', 'ropa', '--format', 'json'])).json();
      const csv = await as(auditor)(['export', 'ropa', '--format', 'csv', '-o', 'ropa.csv']);
      expect(csv.code).toBe(0);
      expect(csv.stdout).toMatch(/^Wrote 2 processing activities as of .* to ropa\.csv \(csv\)/);
      const [header, ...rows] = parseCsv(files.read('ropa.csv'));
      expect(rows).toHaveLength(json.activities.length);
      const col = (row: string[], name: string) => row[header.indexOf(name)];
      rows.forEach((row, i) => {
        const a = json.activities[i];
        expect([col(row, 'service'), col(row, 'purpose'), col(row, 'team')]).toEqual([a.serviceKey, a.purpose, a.teamKey]);
        expect(col(row, 'data_subjects')).toBe(a.dataSubjects.join('; '));
        expect(col(row, 'legal_bases')).toBe(a.legalBases.join('; '));
        expect(col(row, 'security_measures')).toContain(a.securityMeasures.join('; '));
      });
      expect(col(rows[1], 'recipients')).toBe('Tiles Inc. [tiles] (US): device.location');
      expect(col(rows[1], 'transfers_outside_home_region')).toBe('tiles (US): BINDING_CORPORATE_RULES');
      expect(col(rows[1], 'transfers')).toBe('processor tiles (US): UNLAWFUL');
      expect(col(rows[0], 'transfers')).toBe('processor logsink (DE): not restricted');
      expect(col(rows[1], 'dpia')).toBe(
        'required (2 criteria met), no DPIA is recorded [sensitive data: the service collects device.location / transfer outside the home region: sensitive device.location (to US) leaves EEA]',
      );
      expect(col(rows[0], 'dpia')).toBe(col(rows[1], 'dpia'));
      expect(col(rows[0], 'erasure_time_limits')).toBe('device.log: 21 days (policy limit: 30 days, global policy general v1)');
    });

    it('should export the record as of a past instant: the inventory, arrangements and processors then', async () => {
      const then = (await as(auditor)(['export', 'ropa', '--format', 'json', '--at', afterApproval])).json();
      expect(then.at).toBe(afterApproval);
      expect(then.activities.map((a: any) => `${a.serviceKey} ${a.purpose}`)).toEqual(['maps personalize', 'maps service.improve', 'maps service.provide']);
      const provide = then.activities[2];
      expect(provide.recipients).toEqual([expect.objectContaining({ processorKey: 'tiles', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' })]);
      expect(then.activities[1].erasureTimeLimits[0].retentionDays).toBe(14);
      // The organisation's profile was set later: the controller's identity is then a gap of every activity.
      expect(then.controller).toEqual(expect.objectContaining({ legalName: null, validFrom: null }));
      for (const a of then.activities) expect(a.gaps).toContain("no organisation profile recorded: the controller's name and contact details (Art. 30(1)(a)) are missing");

      const pending = (await as(auditor)(['export', 'ropa', '--format', 'json', '--at', beforeApproval])).json();
      expect(pending.activities.every((a: any) => a.recipients.length === 0)).toBe(true);

      const before = (await as(auditor)(['export', 'ropa', '--format', 'json', '--at', '2020-01-01'])).json();
      expect(before).toEqual(expect.objectContaining({ at: '2020-01-01T00:00:00.000Z', activities: [] }));
    });

    it('should use the home region in force at the instant', async () => {
      await sleep(20);
      const beforeChange = new Date().toISOString();
      await sleep(20);
      await api.gql('mutation { setHomeRegion(input: { name: "EEA and US", countries: ["EEA", "US"] }) { name } }', {}, officer);
      const now = (await as(auditor)(['export', 'ropa', '--format', 'json'])).json();
      expect(now.homeRegion).toEqual(expect.objectContaining({ name: 'EEA and US', isDefault: false }));
      expect(now.activities[1].recipients[0].outsideHomeRegion).toBe(false);
      expect(now.activities[1].transfers[0]).toEqual(expect.objectContaining({ country: 'US', restricted: false, lawful: true }));
      const then = (await as(auditor)(['export', 'ropa', '--format', 'json', '--at', beforeChange])).json();
      expect(then.homeRegion.name).toBe('EEA');
      expect(then.activities[1].recipients[0].outsideHomeRegion).toBe(true);
      expect(then.activities[1].transfers[0]).toEqual(expect.objectContaining({ country: 'US', restricted: true, lawful: false }));
    });

    it('should refuse engineers (exit 3, FORBIDDEN)', async () => {
      const run = await as(engineer)(['export', 'ropa']);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/FORBIDDEN/);
    });
  });

  describe('whoami and audit verify through the bins', () => {
    it('should run the workspace bin (TypeScript through @swc-node/register)', async () => {
      const run = await spawnCli('apps/cli/bin/canopy.js', ['whoami', '--output', 'json'], { CANOPY_URL: api.url, CANOPY_TOKEN: engineer }, files.dir);
      expect(run.code).toBe(0);
      expect(run.json()).toEqual(expect.objectContaining({ email: 'geo@canopy.test', roles: ['ENGINEER'], teams: ['geo'] }));
    });

    it('should run the standalone bundle', async () => {
      const run = await spawnCli('dist/apps/cli/canopy.js', ['audit', 'verify'], { CANOPY_URL: api.url, CANOPY_TOKEN: ADMIN_TOKEN }, files.dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Audit log OK: \d+ events verified\nHead: seq \d+ hash [0-9a-f]{64}/);
    });

    it('should exit 3 for a bad token and for an unreachable API', async () => {
      expect((await as('not-a-token')(['whoami'])).code).toBe(3);
      const unreachable = await cli(['whoami'], { url: 'http://127.0.0.1:9', token: ADMIN_TOKEN }, files.dir);
      expect(unreachable.code).toBe(3);
      expect(unreachable.stderr).toMatch(/Cannot reach the Canopy API/);
    });
  });
});
