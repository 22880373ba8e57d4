import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ApiProcess, startApi, testDialects } from '../testing/api-process';
import { cli, CliRun, scratch, spawnCli } from '../testing/run-cli';

/**
 * Interchange with Fides against real APIs: a data map exported from one
 * organisation and imported into an empty one, a plain Fides manifest, an
 * organisation's own mapping, and every kind of bad input.
 */

const SERVICES = `apiVersion: canopy/v1
kind: Service
metadata: { key: maps, name: Maps, team: geo }
spec:
  description: Maps and directions
  lifecycle: ACTIVE
  servesMinors: true
  securityMeasures: [TLS 1.3 for every connection, "Keys rotated; quarterly"]
  inventory:
    - { dataCategory: device.location, purposes: [service.provide, personalize], source: DEVICE_PERMISSION, devicePermission: LOCATION,
        legalBasis: CONSENT, retentionDays: 30, encryption: AT_REST_AND_IN_TRANSIT, dataSubjects: [customers, users] }
    - { dataCategory: device.camera, purposes: [cross_service, marketing.push], source: DEVICE_PERMISSION, devicePermission: CAMERA,
        legalBasis: CONSENT, encryption: IN_TRANSIT, publiclyVisible: true }
    - { dataCategory: user.contact.email, purposes: [service.provide], source: USER_PROVIDED, legalBasis: CONTRACT, retentionDays: 365,
        encryption: AT_REST_AND_IN_TRANSIT, dataSubjects: [customers] }
---
apiVersion: canopy/v1
kind: Service
metadata: { key: photo-share, name: Photo share, team: media }
spec:
  lifecycle: PLANNED
  inventory:
    - dataCategory: user.content.image
      purposes: [service.provide]
      source: USER_PROVIDED
      legalBasis: CONSENT
      encryption: AT_REST_AND_IN_TRANSIT
      publiclyVisible: true
      dataSubjects: [people shown in media]
---
apiVersion: canopy/v1
kind: Service
metadata: { key: ledger, name: Ledger, team: media }
spec:
  lifecycle: RETIRED
`;

const BAKERY = readFileSync(path.join(__dirname, '..', 'fides', '__tests__', 'fixtures', 'bakery-fides.yml'), 'utf8');

const SERVICE_FIELDS = `key name description lifecycle servesMinors team { key } securityMeasures
  inventory { dataCategory purposes source devicePermission legalBasis retentionDays encryption publiclyVisible dataSubjects }`;

describe.each(testDialects())('canopy export fides and import fides on %s', (dialect) => {
  let source: ApiProcess;
  let target: ApiProcess;
  let sourceEngineer: string;
  let auditor: string;
  let engineer: string;
  let officer: string;
  const files = scratch();
  const run = (api: () => ApiProcess, token: () => string) => (argv: string[]): Promise<CliRun> => cli(argv, { url: api().url, token: token() }, files.dir);
  const onTarget = run(() => target, () => engineer);

  /** Every service with what the interchange carries, inventories in a stable order. */
  const dataMap = async (api: ApiProcess) => {
    const answer = await api.gql(`{ services(first: 100) { edges { node { ${SERVICE_FIELDS} } } } }`);
    return answer.services.edges.map(({ node }: any) => ({ ...node, inventory: [...node.inventory].sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }));
  };
  const auditHead = async () => {
    const a = await target.gql('{ verifyAuditLog { ok headSeq } auditEvents(first: 1) { totalCount } }');
    return { headSeq: a.verifyAuditLog.headSeq, events: a.auditEvents.totalCount };
  };

  beforeAll(async () => {
    [source, target] = await Promise.all([startApi(dialect), startApi(dialect)]);
    for (const key of ['geo', 'media']) await source.gql(`mutation { createTeam(key: "${key}", name: "${key} team") { id } }`);
    sourceEngineer = await source.user('eng@canopy.test', ['ENGINEER'], ['geo', 'media']);
    auditor = await source.user('audit@canopy.test', ['AUDITOR']);
    for (const key of ['geo', 'media', 'web']) await target.gql(`mutation { createTeam(key: "${key}", name: "${key} team") { id } }`);
    engineer = await target.user('eng@canopy.test', ['ENGINEER'], ['geo', 'media', 'web']);
    officer = await target.user('dpo@canopy.test', ['PRIVACY_OFFICER']);
    files.write('services.yaml', SERVICES);
    const applied = await run(() => source, () => sourceEngineer)(['apply', '-f', 'services.yaml']);
    expect(applied.code).toBe(0);
  });
  afterAll(async () => {
    await Promise.all([source?.stop(), target?.stop()]);
    files.remove();
  });

  describe('round trip', () => {
    it('should export every service as a fideslang system, listing what the mapping lacks', async () => {
      const exported = await run(() => source, () => auditor)(['export', 'fides', '-o', 'datamap.yaml', '--output', 'json']);
      expect(exported.code).toBe(0);
      expect(exported.json()).toEqual(
        expect.objectContaining({
          file: 'datamap.yaml',
          fideslang: '3.2',
          systems: 3,
          declarations: 6,
          notMapped: [
            { kind: 'dataUses', key: 'cross_service', services: ['maps'] },
            { kind: 'dataSubjects', key: 'users', services: ['maps'] },
            { kind: 'dataSubjects', key: 'people shown in media', services: ['photo-share'] },
          ],
        }),
      );
      const manifest = parse(files.read('datamap.yaml'));
      expect(manifest.system.map((s: any) => [s.fides_key, s.canopy.team, s.privacy_declarations.length])).toEqual([
        ['ledger', 'media', 0],
        ['maps', 'geo', 5],
        ['photo_share', 'media', 1],
      ]);
      const human = await run(() => source, () => auditor)(['export', 'fides']);
      expect(human.stdout).toMatch(/^# Canopy's data map as fideslang 3\.2 system manifests/);
      expect(human.stderr).toMatch(/not in the mapping: data use "cross_service" \(maps\): written as Canopy's own key/);
    });

    it('should import the export into an empty organisation as the same services, inventory and team ownership', async () => {
      const before = await auditHead();
      const imported = await onTarget(['import', 'fides', 'datamap.yaml']);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/^Applied: 6 created, 0 updated, 3 unchanged/);
      expect(imported.stdout).not.toMatch(/Not in the Fides manifests/);
      expect(await dataMap(target)).toEqual(await dataMap(source));
      // three services registered, maps' measures set, two inventories set (the empty lists are unchanged): one event each
      expect((await auditHead()).events - before.events).toBe(6);
    });

    it('should change nothing and write no audit event when imported again', async () => {
      const before = await auditHead();
      const again = await onTarget(['import', 'fides', 'datamap.yaml', '--output', 'json']);
      expect(again.code).toBe(0);
      expect(again.json().summary).toEqual({ create: 0, update: 0, unchanged: 9 });
      expect(await auditHead()).toEqual(before);
      expect((await onTarget(['import', 'fides', 'datamap.yaml'])).stdout).toMatch(/^Nothing to change: 9 objects already as declared/);
    });
  });

  describe('a plain Fides manifest', () => {
    it('should refuse a new system without a team, naming it', async () => {
      files.write('bakery.yml', BAKERY);
      const run2 = await onTarget(['import', 'fides', 'bakery.yml']);
      expect(run2.code).toBe(2);
      expect(run2.stderr).toMatch(/bakery\.yml:5: document 1: system\[0\]\.fides_key: no team for new service "bakery-shop": give canopy\.team in the manifest, or --team/);
    });

    it('should import with the fields Fides has no place for unset, and list them', async () => {
      const imported = await onTarget(['import', 'fides', 'bakery.yml', '--team', 'web', '--output', 'json']);
      expect(imported.code).toBe(0);
      const result = imported.json();
      expect(result.summary).toEqual({ create: 4, update: 0, unchanged: 0 });
      expect(result.skipped).toEqual([{ file: 'bakery.yml', resource: 'dataset', count: 1 }]);
      expect(result.unset[0]).toEqual(expect.objectContaining({ service: 'bakery-shop', line: 5, fields: expect.arrayContaining([{ field: 'team', from: '--team', value: 'web' }, { field: 'lifecycle', from: 'unchanged' }]) }));
      expect(result.unset[1].fields.map((f: any) => `${f.field}=${f.value}`)).toEqual(['source=AUTOMATIC', 'devicePermission=null', 'encryption=NONE', 'retentionDays=null', 'publiclyVisible=false']);
      const shop = (await target.gql(`{ service(key: "bakery-shop") { ${SERVICE_FIELDS} } }`)).service;
      expect(shop).toEqual(expect.objectContaining({ name: 'Bakery Shop', team: { key: 'web' }, lifecycle: 'ACTIVE', securityMeasures: [] }));
      expect(shop.inventory.map((i: any) => [i.dataCategory, i.purposes, i.legalBasis, i.encryption, i.retentionDays, i.dataSubjects])).toEqual(
        expect.arrayContaining([
          ['device.identifier', ['service.provide', 'service.improve'], 'CONTRACT', 'NONE', null, ['customers']],
          ['device.identifier', ['security'], 'LEGITIMATE_INTEREST', 'NONE', null, ['customers', 'visitors']],
        ]),
      );

      const human = await onTarget(['import', 'fides', 'bakery.yml', '--team', 'web']);
      expect(human.stdout).toMatch(/^Nothing to change: 4 objects already as declared/);
      expect(human.stdout).toMatch(/Not in the Fides manifests/);
      expect(human.stdout).toMatch(/bakery\.yml:11: document 1: system\[0\]\.privacy_declarations\[0\] \(bakery-shop: item user\.contact\.email for service\.provide\): source \(kept: AUTOMATIC\)/);
    });

    it('should keep what an engineer has since set in Canopy when the same manifest is imported again', async () => {
      const shop = (await target.gql(`{ service(key: "bakery-shop") { ${SERVICE_FIELDS} } }`)).service;
      const items = shop.inventory.map((i: any) => ({ ...i, encryption: 'AT_REST_AND_IN_TRANSIT' }));
      await target.gql('mutation($k: String!, $items: [InventoryItemInput!]!) { setInventory(serviceKey: $k, items: $items) { key } }', { k: 'bakery-shop', items }, engineer);
      const before = await auditHead();
      const again = await onTarget(['import', 'fides', 'bakery.yml', '--team', 'web', '--output', 'json']);
      expect(again.json().summary).toEqual({ create: 0, update: 0, unchanged: 4 });
      expect(await auditHead()).toEqual(before);
    });

    it('should refuse unmapped keys, listing each with its line, and import the rest with --skip-unmapped', async () => {
      files.write('names.yml', BAKERY.replace('          - user.contact.phone_number', '          - user.name').replace('data_use: essential.fraud_detection', 'data_use: marketing.advertising.first_party.targeted'));
      const before = await auditHead();
      const refused = await onTarget(['import', 'fides', 'names.yml', '--team', 'web']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/names\.yml:14: document 1: system\[0\]\.privacy_declarations\[0\]\.data_categories\[1\]: fideslang data category "user\.name" is not mapped to Canopy/);
      expect(refused.stderr).toMatch(/names\.yml:31: document 1: system\[0\]\.privacy_declarations\[2\]\.data_use: fideslang data use "marketing\.advertising\.first_party\.targeted" is not mapped to Canopy/);
      expect(await auditHead()).toEqual(before);

      const skipped = await onTarget(['import', 'fides', 'names.yml', '--team', 'web', '--skip-unmapped']);
      expect(skipped.code).toBe(0);
      expect(skipped.stdout).toMatch(/~ inventory bakery-shop +update: \+0 -2 items \(2 kept\)/);
      expect(skipped.stdout).toMatch(/Not imported, not in the mapping \(--skip-unmapped\):\n {2}names\.yml:14: document 1: .*"user\.name"/);
    });
  });

  describe("an organisation's own mapping", () => {
    it("should import keys its officers added to Canopy's taxonomy", async () => {
      await target.gql('mutation { addDataCategory(input: { key: "user.loyalty", name: "Loyalty points" }) { key } }', {}, officer);
      files.write('ours.yaml', 'dataCategories:\n  import:\n    custom.loyalty_points: user.loyalty\n  export:\n    user.loyalty: custom.loyalty_points\n');
      files.write(
        'loyalty.yml',
        'system:\n  - fides_key: loyalty\n    name: Loyalty\n    canopy: { team: web }\n    privacy_declarations:\n      - data_categories: [custom.loyalty_points]\n        data_use: essential.service\n        data_subjects: [customer]\n        legal_basis_for_processing: Contract\n',
      );
      expect((await onTarget(['import', 'fides', 'loyalty.yml'])).code).toBe(2);
      const imported = await onTarget(['import', 'fides', 'loyalty.yml', '--mapping', 'ours.yaml']);
      expect(imported.code).toBe(0);
      expect((await target.gql('{ service(key: "loyalty") { inventory { dataCategory purposes } } }')).service.inventory).toEqual([{ dataCategory: 'user.loyalty', purposes: ['service.provide'] }]);
      const exported = parse((await cli(['export', 'fides', '--mapping', 'ours.yaml'], { url: target.url, token: engineer }, files.dir)).stdout);
      const loyalty = exported.system.find((s: any) => s.fides_key === 'loyalty');
      expect(loyalty.privacy_declarations[0].data_categories).toEqual(['custom.loyalty_points']);
      expect(loyalty.privacy_declarations[0].canopy.dataCategory).toBeUndefined();
    });
  });

  describe('bad input', () => {
    const system = (declaration: string, key = 'fides_key: kiosk') => `system:\n  - ${key}\n    name: Kiosk\n    canopy: { team: web }\n    privacy_declarations:\n${declaration}`;
    const GOOD = '      - data_categories: [user.contact.email]\n        data_use: essential.service\n        data_subjects: [customer]\n';

    it.each([
      ['an unknown key', system(GOOD.replace('data_subjects', 'data_subject')), /bad\.yml:8: document 1: system\[0\]\.privacy_declarations\[0\]\.data_subject: unknown field \(did you mean data_subjects\?\)/],
      ['a wrong type', system(GOOD.replace('data_use: essential.service', 'data_use: [essential.service]')), /bad\.yml:7: document 1: system\[0\]\.privacy_declarations\[0\]\.data_use: must be a fideslang key/],
      ['a missing system key', system(GOOD, 'fides_type: kiosk'), /bad\.yml:2: document 1: system\[0\]\.fides_key: is required/],
      ['a YAML syntax error', system(GOOD.replace('[customer]', '[customer')), /bad\.yml:\d+: document 1: YAML: /],
      ['a data use the mapping does not know', system(GOOD.replace('essential.service', 'teleportation')), /bad\.yml:7: document 1: system\[0\]\.privacy_declarations\[0\]\.data_use: fideslang data use "teleportation" is not mapped to Canopy/],
      ['a data use Canopy does not know', system(`${GOOD}        canopy: { purpose: teleportation }\n`), /bad\.yml:9: document 1: system\[0\]\.privacy_declarations\[0\]\.canopy\.purpose: unknown data use "teleportation"/],
      ['a key that is no service key', system(GOOD, 'fides_key: Kiosk.Main'), /bad\.yml:2: document 1: system\[0\]\.fides_key: "Kiosk\.Main" is not a service key/],
    ])('should exit 2 for %s, naming where, and change nothing', async (_, content, message) => {
      files.write('bad.yml', content);
      const before = await auditHead();
      const result = await onTarget(['import', 'fides', 'bad.yml']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(await auditHead()).toEqual(before);
      expect((await target.gql('{ service(key: "kiosk") { key } }')).service).toBeNull();
    });
  });

  it('should run from the standalone bundle, the default mapping inside it', async () => {
    const exported = await spawnCli('dist/apps/cli/canopy.js', ['export', 'fides'], { CANOPY_URL: source.url, CANOPY_TOKEN: auditor }, files.dir);
    expect(exported.code).toBe(0);
    expect(parse(exported.stdout).system).toHaveLength(3);
  });
});
