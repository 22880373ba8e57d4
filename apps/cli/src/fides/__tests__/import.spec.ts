import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CurrentState } from '../../apply/plan';
import type { ServiceState } from '../../client/operations';
import { runCli } from '../../cli';
import { ManifestError } from '../../errors';
import { fakeIo } from '../../__tests__/fake-io';
import { draftServices } from '../import-systems';
import { loadMapping } from '../mapping';
import { parseFidesManifests } from '../read-manifests';
import { NEW_ITEM_DEFAULTS, resolveDrafts } from '../resolve-unset';

const BAKERY = readFileSync(path.join(__dirname, 'fixtures', 'bakery-fides.yml'), 'utf8');
const mapping = loadMapping();

const state = (services: Record<string, ServiceState | null> = {}): CurrentState => ({
  services: new Map(Object.entries(services)),
  processors: new Map(),
  teams: new Set(['web', 'geo']),
  dataCategories: new Set(['user.contact.email', 'user.contact.phone', 'device.identifier']),
  dataUses: new Set(['service.provide', 'service.improve', 'security', 'marketing.email']),
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ManifestError) return error.problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected problems');
}

describe('reading fideslang manifests', () => {
  it('should read the systems of a plain Fides manifest and skip the other resources', () => {
    const { systems, skipped } = parseFidesManifests([{ name: 'bakery.yml', content: BAKERY }]);
    expect(systems.map((s) => [s.system.fides_key, s.path, s.lineOf(`${s.path}.fides_key`)])).toEqual([
      ['bakery_shop', 'system[0]', 5],
      ['bakery_newsletter', 'system[1]', 37],
    ]);
    expect(skipped).toEqual([{ file: 'bakery.yml', resource: 'dataset', count: 1 }]);
  });

  it.each([
    ['an unknown key', BAKERY.replace('        data_use: functional.service.improve', '        data_usage: functional.service.improve'), ['bakery.yml:21: system[0].privacy_declarations[1].data_use: is required', 'bakery.yml:24: system[0].privacy_declarations[1].data_usage: unknown field (did you mean data_use?)']],
    ['a wrong type', BAKERY.replace('        data_categories:\n          - user.contact.email\n        data_use: marketing', '        data_categories: user.contact.email\n        data_use: marketing'), ['bakery.yml:47: system[1].privacy_declarations[0].data_categories: must be a list of data categories']],
    ['a missing system key', BAKERY.replace('  - fides_key: bakery_newsletter\n    name', '  - name'), ['bakery.yml:37: system[1].fides_key: is required']],
    ['a YAML syntax error', BAKERY.replace('data_use: essential.fraud_detection', 'data_use: [essential.fraud_detection'), [expect.stringMatching(/^bakery\.yml:\d+: : YAML: /)]],
    ['a legal basis fideslang does not define', BAKERY.replace('legal_basis_for_processing: Consent', 'legal_basis_for_processing: Opt-in'), [expect.stringMatching(/^bakery\.yml:53: system\[1\]\.privacy_declarations\[0\]\.legal_basis_for_processing: must be one of Consent, Contract/)]],
  ])('should refuse %s, naming the file, line and path', (_, content, expected) => {
    expect(problemsOf(() => parseFidesManifests([{ name: 'bakery.yml', content }]))).toEqual(expected);
  });

  it('should refuse a file without systems', () => {
    expect(problemsOf(() => parseFidesManifests([{ name: 'data.yml', content: 'dataset:\n  - fides_key: x\n' }]))).toEqual(['data.yml:undefined: : the file holds no fideslang system (a top-level `system:` list)']);
  });
});

describe('drafting services from fideslang systems', () => {
  const draft = (content: string, team?: string) => draftServices(parseFidesManifests([{ name: 'bakery.yml', content }]).systems, mapping, { team });

  it('should turn fides_key into the service key and fold declarations into items, one per data category and set of facts', () => {
    const { drafts, unmapped, problems } = draft(BAKERY, 'web');
    expect(unmapped).toEqual([]);
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.key, d.name, d.team])).toEqual([
      ['bakery-shop', 'Bakery Shop', { key: 'web', from: '--team' }],
      ['bakery-newsletter', 'Bakery Newsletter', { key: 'web', from: '--team' }],
    ]);
    expect(drafts[0].items.map((i) => [i.dataCategory, i.purposes, i.dataSubjects, i.given])).toEqual([
      ['user.contact.email', ['service.provide'], ['customers'], { legalBasis: 'CONTRACT' }],
      ['user.contact.phone', ['service.provide'], ['customers'], { legalBasis: 'CONTRACT' }],
      ['device.identifier', ['service.provide', 'service.improve'], ['customers'], { legalBasis: 'CONTRACT' }],
      ['device.identifier', ['security'], ['customers', 'visitors'], { legalBasis: 'LEGITIMATE_INTEREST' }],
    ]);
  });

  it('should list every unmapped taxonomy key with its file, line and path, never guessing', () => {
    const content = BAKERY.replace('          - user.contact.phone_number', '          - user.name').replace('data_use: essential.fraud_detection', 'data_use: made_up.use').replace('          - visitor', '          - citizen');
    const { unmapped, drafts } = draft(content);
    expect(unmapped.map((u) => `${u.problem.line}: ${u.problem.path}: ${u.problem.message}`)).toEqual([
      expect.stringMatching(/^14: system\[0\]\.privacy_declarations\[0\]\.data_categories\[1\]: fideslang data category "user\.name" is not mapped to Canopy: Canopy's default taxonomy has no category for a person's real name/),
      '31: system[0].privacy_declarations[2].data_use: fideslang data use "made_up.use" is not mapped to Canopy: not in the mapping (fideslang 3.2\'s default taxonomy has no such data use; map it with --mapping)',
      expect.stringMatching(/^34: system\[0\]\.privacy_declarations\[2\]\.data_subjects\[1\]: fideslang data subject "citizen" is not mapped/),
    ]);
    // What maps is still drafted (for --skip-unmapped); the declaration whose use is unmapped is left out.
    expect(drafts[0].items.map((i) => i.dataCategory)).toEqual(['user.contact.email', 'device.identifier']);
  });

  it.each([
    ['Bakery_Shop', '"Bakery_Shop" is not a service key once _ becomes - ("Bakery-Shop")'],
    ['b', '"b" is not a service key once _ becomes - ("b")'],
  ])('should refuse the fides_key %s', (key, message) => {
    const { problems } = draft(BAKERY.replace('fides_key: bakery_shop', `fides_key: ${key}`));
    expect(problems.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([expect.stringContaining(`5: system[0].fides_key: ${message}`)]);
  });

  it('should refuse two systems that become the same service', () => {
    const { problems } = draft(BAKERY.replace('fides_key: bakery_newsletter', 'fides_key: bakery-shop'));
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['37: system "bakery-shop" is also defined in bakery.yml document 1 (system[0])']);
  });
});

describe('resolving what a Fides manifest leaves out', () => {
  const drafts = () => draftServices(parseFidesManifests([{ name: 'bakery.yml', content: BAKERY }]).systems, mapping, {}).drafts;

  it('should give a new service its --team and new items the defaults, and list them all', () => {
    const withTeam = draftServices(parseFidesManifests([{ name: 'bakery.yml', content: BAKERY }]).systems, mapping, { team: 'web' }).drafts;
    const { manifests, unset, problems } = resolveDrafts(withTeam, state());
    expect(problems).toEqual([]);
    const shop = manifests[0];
    expect(shop.kind === 'Service' && shop.manifest).toEqual({
      apiVersion: 'canopy/v1',
      kind: 'Service',
      metadata: { key: 'bakery-shop', name: 'Bakery Shop', team: 'web' },
      spec: { description: 'Online shop where customers order bread and cakes.', inventory: expect.any(Array) },
    });
    expect(shop.kind === 'Service' && shop.manifest.spec.inventory![0]).toEqual({
      dataCategory: 'user.contact.email',
      purposes: ['service.provide'],
      dataSubjects: ['customers'],
      ...NEW_ITEM_DEFAULTS,
      legalBasis: 'CONTRACT',
    });
    expect(unset[0]).toEqual({
      file: 'bakery.yml',
      document: 1,
      line: 5,
      path: 'system[0]',
      service: 'bakery-shop',
      fields: [{ field: 'team', from: '--team', value: 'web' }, { field: 'lifecycle', from: 'unchanged' }, { field: 'servesMinors', from: 'unchanged' }, { field: 'securityMeasures', from: 'unchanged' }],
    });
    expect(unset[1]).toEqual(
      expect.objectContaining({
        path: 'system[0].privacy_declarations[0]',
        line: 11,
        item: { dataCategory: 'user.contact.email', purposes: ['service.provide'] },
        fields: [
          { field: 'source', from: 'default', value: 'AUTOMATIC' },
          { field: 'devicePermission', from: 'default', value: null },
          { field: 'encryption', from: 'default', value: 'NONE' },
          { field: 'retentionDays', from: 'default', value: null, note: 'retention_period "2 years" is free text' },
          { field: 'publiclyVisible', from: 'default', value: false },
        ],
      }),
    );
  });

  it('should keep what Canopy holds for an existing service and its items', () => {
    const held: ServiceState = {
      key: 'bakery-shop',
      name: 'Shop',
      description: null,
      lifecycle: 'ACTIVE',
      servesMinors: false,
      version: 3,
      team: { key: 'geo' },
      inventory: [
        { dataCategory: 'user.contact.email', purposes: ['service.provide'], source: 'USER_PROVIDED', devicePermission: null, legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', publiclyVisible: false, dataSubjects: [] },
      ],
      securityMeasures: [],
      policy: null,
      sharingArrangements: [],
    };
    const { manifests, unset } = resolveDrafts(drafts(), state({ 'bakery-shop': held }));
    const shop = manifests[0].kind === 'Service' ? manifests[0].manifest : null;
    expect(shop?.metadata.team).toBe('geo');
    expect(shop?.spec.inventory![0]).toEqual(expect.objectContaining({ source: 'USER_PROVIDED', encryption: 'AT_REST_AND_IN_TRANSIT', retentionDays: 30, legalBasis: 'CONTRACT' }));
    expect(unset[0].fields[0]).toEqual({ field: 'team', from: 'kept', value: 'geo' });
    expect(unset[1].fields).toContainEqual({ field: 'encryption', from: 'kept', value: 'AT_REST_AND_IN_TRANSIT' });
  });

  it('should refuse a new service without a team, naming the system', () => {
    const { problems } = resolveDrafts(drafts(), state());
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.message}`)).toEqual([
      'bakery.yml:5: system[0].fides_key: no team for new service "bakery-shop": give canopy.team in the manifest, or --team',
      'bakery.yml:37: system[1].fides_key: no team for new service "bakery-newsletter": give canopy.team in the manifest, or --team',
    ]);
  });
});

describe('canopy import fides', () => {
  it('should exit 2 and send nothing while a taxonomy key is unmapped, and name where', async () => {
    const io = fakeIo({ 'bakery.yml': BAKERY.replace('data_use: essential.fraud_detection', 'data_use: analytics') });
    expect(await runCli(['import', 'fides', 'bakery.yml', '--team', 'web'], io)).toBe(2);
    expect(io.err()).toMatch(/Map the unmapped keys with --mapping FILE, or import the rest with --skip-unmapped/);
    expect(io.err()).toMatch(/bakery\.yml:31: document 1: system\[0\]\.privacy_declarations\[2\]\.data_use: fideslang data use "analytics" is not mapped to Canopy: Covers advertising analytics/);
    expect(io.requests).toEqual([]);
  });

  it('should import the rest with --skip-unmapped and list what it skipped', async () => {
    const io = fakeIo({ 'bakery.yml': BAKERY.replace('data_use: essential.fraud_detection', 'data_use: analytics') }, (query) =>
      query.includes('CurrentState') ? { data: { viewer: {}, teams: [{ key: 'web' }], dataCategories: [...state().dataCategories].map((key) => ({ key })), dataUses: [...state().dataUses].map((key) => ({ key })), s0: null, s1: null } } : { data: {} },
    );
    expect(await runCli(['import', 'fides', 'bakery.yml', '--team', 'web', '--skip-unmapped', '--dry-run', '--output', 'json'], io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result.summary).toEqual({ create: 4, update: 0, unchanged: 0 });
    expect(result.unmapped).toEqual([expect.objectContaining({ kind: 'dataUses', key: 'analytics', line: 31, path: 'system[0].privacy_declarations[2].data_use' })]);
    expect(io.requests.map((r) => r.query.match(/^(query|mutation) (\w+)/)?.[2])).toEqual(['CurrentState']);
  });

  it('should locate a Canopy key the organisation does not have in the Fides manifest', async () => {
    const io = fakeIo({ 'bakery.yml': BAKERY }, () => ({ data: { viewer: {}, teams: [{ key: 'web' }], dataCategories: [{ key: 'user.contact.email' }], dataUses: [{ key: 'service.provide' }], s0: null, s1: null } }));
    expect(await runCli(['import', 'fides', 'bakery.yml', '--team', 'web'], io)).toBe(2);
    expect(io.err()).toMatch(/bakery\.yml:14: document 1: system\[0\]\.privacy_declarations\[0\]\.data_categories\[1\]: unknown data category "user\.contact\.phone"/);
    expect(io.err()).toMatch(/bakery\.yml:24: document 1: system\[0\]\.privacy_declarations\[1\]\.data_use: unknown data use "service\.improve"/);
  });

  it('should refuse a --team that is not a team key', async () => {
    const io = fakeIo({ 'bakery.yml': BAKERY });
    expect(await runCli(['import', 'fides', 'bakery.yml', '--team', 'Web Team'], io)).toBe(2);
    expect(io.err()).toMatch(/--team must be a team key/);
  });
});
