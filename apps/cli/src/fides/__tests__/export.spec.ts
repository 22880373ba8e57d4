import { parse, stringify } from 'yaml';
import type { CurrentState } from '../../apply/plan';
import { runCli } from '../../cli';
import { fakeIo } from '../../__tests__/fake-io';
import type { ExportedService } from '../../client/operations';
import { exportSystems } from '../export-systems';
import { draftServices } from '../import-systems';
import { loadMapping } from '../mapping';
import { parseFidesManifests } from '../read-manifests';
import { resolveDrafts } from '../resolve-unset';

const mapping = loadMapping();

const MAPS: ExportedService = {
  key: 'maps-beta',
  name: 'Maps',
  description: 'Maps and directions',
  lifecycle: 'DEPRECATED',
  servesMinors: true,
  team: { key: 'geo', name: 'Geo team' },
  securityMeasures: ['TLS 1.3', 'Keys rotated; quarterly'],
  inventory: [
    { dataCategory: 'device.location', purposes: ['service.provide', 'personalize'], source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', publiclyVisible: false, dataSubjects: ['customers', 'users'] },
    { dataCategory: 'device.camera', purposes: ['cross_service', 'marketing.push'], source: 'DEVICE_PERMISSION', devicePermission: 'CAMERA', legalBasis: 'PUBLIC_TASK', retentionDays: null, encryption: 'IN_TRANSIT', publiclyVisible: true, dataSubjects: [] },
    { dataCategory: 'user.contact.email', purposes: ['service.provide'], source: 'USER_PROVIDED', devicePermission: null, legalBasis: 'CONTRACT', retentionDays: 1, encryption: 'NONE', publiclyVisible: false, dataSubjects: ['customers'] },
    // The same category and facts as the one above, another purpose: a second item all the same.
    { dataCategory: 'user.contact.email', purposes: ['announcement'], source: 'USER_PROVIDED', devicePermission: null, legalBasis: 'CONTRACT', retentionDays: 1, encryption: 'NONE', publiclyVisible: false, dataSubjects: ['customers'] },
  ],
};
const EMPTY: ExportedService = { ...MAPS, key: 'ledger', name: 'Ledger', description: null, lifecycle: 'PLANNED', servesMinors: false, team: { key: 'finance', name: 'Finance' }, securityMeasures: [], inventory: [] };

describe('exportSystems', () => {
  const { manifest, notMapped, declarations } = exportSystems([MAPS, EMPTY], mapping);
  const [maps, ledger] = manifest.system as Record<string, any>[];

  it('should write one system per service, its key with _ for -, and Canopy-only facts under canopy', () => {
    expect(maps).toEqual(
      expect.objectContaining({
        fides_key: 'maps_beta',
        name: 'Maps',
        description: 'Maps and directions',
        system_type: 'Service',
        administrating_department: 'Geo team',
        data_security_practices: 'TLS 1.3; Keys rotated; quarterly',
        canopy: { team: 'geo', lifecycle: 'DEPRECATED', servesMinors: true, securityMeasures: ['TLS 1.3', 'Keys rotated; quarterly'] },
      }),
    );
    expect(ledger).toEqual(expect.objectContaining({ fides_key: 'ledger', privacy_declarations: [] }));
    expect(ledger.description).toBeUndefined();
  });

  it('should write one privacy declaration per item and purpose, through the mapping', () => {
    expect(declarations).toBe(6);
    expect(maps.privacy_declarations[0]).toEqual({
      name: 'device.location for service.provide',
      data_categories: ['user.location'],
      data_use: 'essential.service',
      data_subjects: ['customer'],
      legal_basis_for_processing: 'Consent',
      retention_period: '30 days',
      canopy: { item: 1, dataSubjects: ['customers', 'users'], source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', encryption: 'AT_REST_AND_IN_TRANSIT', retentionDays: 30, publiclyVisible: false },
    });
    expect(maps.privacy_declarations[1]).toEqual(expect.objectContaining({ data_use: 'personalize', canopy: expect.objectContaining({ item: 1 }) }));
    expect(maps.privacy_declarations[4]).toEqual(expect.objectContaining({ retention_period: '1 day', legal_basis_for_processing: 'Contract' }));
  });

  it('should carry the Canopy key wherever the fideslang one would not import back as it, and list what the mapping lacks', () => {
    const camera = maps.privacy_declarations.slice(2, 4);
    expect(camera.map((d: any) => [d.data_categories, d.data_use, d.legal_basis_for_processing, d.retention_period, d.canopy.dataCategory, d.canopy.purpose])).toEqual([
      [['user.device.sensor'], 'cross_service', 'Public interest', undefined, 'device.camera', 'cross_service'],
      [['user.device.sensor'], 'marketing.communications', 'Public interest', undefined, 'device.camera', 'marketing.push'],
    ]);
    expect(camera[0].canopy.retentionDays).toBeNull();
    expect(notMapped).toEqual([
      { kind: 'dataSubjects', key: 'users', services: ['maps-beta'] },
      { kind: 'dataUses', key: 'cross_service', services: ['maps-beta'] },
    ]);
  });

  it('should read back, through canopy import fides, as the same services and inventory', () => {
    const content = stringify(manifest, { aliasDuplicateObjects: false });
    const { systems } = parseFidesManifests([{ name: 'export.yaml', content }]);
    const { drafts, unmapped, problems } = draftServices(systems, mapping);
    expect(problems).toEqual([]);
    // cross_service and the camera's sensor key are not mapped, but the canopy key carries them: nothing blocks.
    expect(unmapped).toEqual([]);
    const empty: CurrentState = { services: new Map(), processors: new Map(), teams: new Set(), dataCategories: new Set(), dataUses: new Set() };
    const { manifests, unset } = resolveDrafts(drafts, empty);
    expect(unset).toEqual([]);
    const back = manifests.map((m) => (m.kind === 'Service' ? m.manifest : null));
    expect(back).toEqual([
      {
        apiVersion: 'canopy/v1',
        kind: 'Service',
        metadata: { key: 'maps-beta', name: 'Maps', team: 'geo' },
        spec: { description: 'Maps and directions', lifecycle: 'DEPRECATED', servesMinors: true, securityMeasures: MAPS.securityMeasures, inventory: MAPS.inventory },
      },
      {
        apiVersion: 'canopy/v1',
        kind: 'Service',
        metadata: { key: 'ledger', name: 'Ledger', team: 'finance' },
        spec: { lifecycle: 'PLANNED', servesMinors: false, securityMeasures: [], inventory: [] },
      },
    ]);
  });
});

describe('canopy export fides', () => {
  const pages = (io: { requests: { variables: Record<string, unknown> }[] }) => io.requests.map((r) => r.variables.after);
  const answer = (query: string, variables: Record<string, unknown>) =>
    variables.after === null
      ? { data: { services: { pageInfo: { hasNextPage: true, endCursor: 'c1' }, edges: [{ node: EMPTY }] } } }
      : { data: { services: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: MAPS }] } } };

  it('should page through every service and write the YAML manifest, listing what the mapping lacks on stderr', async () => {
    const io = fakeIo({}, answer);
    expect(await runCli(['export', 'fides'], io)).toBe(0);
    expect(pages(io)).toEqual([null, 'c1']);
    expect(parse(io.out()).system.map((s: { fides_key: string }) => s.fides_key)).toEqual(['ledger', 'maps_beta']);
    expect(io.err()).toMatch(/not in the mapping: data use "cross_service" \(maps-beta\): written as Canopy's own key/);
    expect(io.err()).toMatch(/not in the mapping: data subject "users" \(maps-beta\): left out of data_subjects, kept under canopy\.dataSubjects/);
  });

  it('should write the file with -o and print a summary', async () => {
    const io = fakeIo({}, answer);
    expect(await runCli(['export', 'fides', '-o', 'datamap.yaml', '--output', 'json'], io)).toBe(0);
    expect(parse(io.written.get('/work/datamap.yaml')!).system).toHaveLength(2);
    expect(JSON.parse(io.out())).toEqual({ file: 'datamap.yaml', fideslang: '3.2', systems: 2, declarations: 6, notMapped: expect.any(Array) });
  });

  it('should print one JSON document with the manifest with --output json and no -o', async () => {
    const io = fakeIo({}, answer);
    expect(await runCli(['export', 'fides', '--output', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(expect.objectContaining({ systems: 2, manifest: { system: [expect.objectContaining({ fides_key: 'ledger' }), expect.objectContaining({ fides_key: 'maps_beta' })] } }));
    expect(io.err()).toBe('');
  });
});
