import type { ArrangementData, ProcessorState, ServiceState } from '../../client/operations';
import { parseManifests } from '../../manifest/load';
import { bestMatch, CurrentState, planApply, summarise } from '../plan';

const MANIFEST = `apiVersion: canopy/v1
kind: Processor
metadata: { key: tiles, name: Tiles Inc. }
spec:
  country: US
  contactEmail: DPA@Tiles.example
  dpaSignedAt: 2026-01-01T00:00:00Z
  transferMechanism: STANDARD_CONTRACTUAL_CLAUSES
  certifications: [ISO 27001]
---
apiVersion: canopy/v1
kind: Service
metadata: { key: maps, name: Maps, team: geo }
spec:
  description: Maps and directions
  lifecycle: ACTIVE
  servesMinors: false
  inventory:
    - dataCategory: device.location
      purposes: [service.provide, personalize]
      source: DEVICE_PERMISSION
      devicePermission: location
      legalBasis: CONSENT
      retentionDays: 30
      encryption: AT_REST_AND_IN_TRANSIT
      dataSubjects: [customers]
    - dataCategory: device.log
      purposes: [service.improve]
      source: AUTOMATIC
      legalBasis: LEGITIMATE_INTEREST
      encryption: IN_TRANSIT
  securityMeasures: [TLS 1.3 in transit, Access reviewed quarterly]
  policy:
    clauses:
      - { topic: RETENTION, subject: device.log, value: 30 }
      - { topic: COLLECTION, subject: device.location, value: CONSENT, text: "  Location only with consent. " }
  sharing:
    - processor: tiles
      dataCategories: [device.location]
      purposes: [service.provide]
      legalBasis: CONSENT
`;

const manifests = () => parseManifests([{ name: 'canopy.yaml', content: MANIFEST }]);

/** The server's state after MANIFEST was applied (as the API returns it). */
function appliedService(): ServiceState {
  return {
    key: 'maps',
    name: 'Maps',
    description: 'Maps and directions',
    lifecycle: 'ACTIVE',
    servesMinors: false,
    version: 1,
    team: { key: 'geo' },
    inventory: [
      // Stored order and purpose order may differ from the manifest's.
      { dataCategory: 'device.log', purposes: ['service.improve'], source: 'AUTOMATIC', devicePermission: null, legalBasis: 'LEGITIMATE_INTEREST', retentionDays: null, encryption: 'IN_TRANSIT', publiclyVisible: false, dataSubjects: [] },
      { dataCategory: 'device.location', purposes: ['personalize', 'service.provide'], source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', publiclyVisible: false, dataSubjects: ['customers'] },
    ],
    securityMeasures: ['TLS 1.3 in transit', 'Access reviewed quarterly'],
    policy: {
      key: 'maps',
      versions: [
        {
          number: 1,
          status: 'DRAFT',
          clauses: [
            { topic: 'COLLECTION', subject: 'device.location', value: 'CONSENT', locked: false, text: 'Location only with consent.' },
            { topic: 'RETENTION', subject: 'device.log', value: '30', locked: false, text: null },
          ],
        },
      ],
    },
    sharingArrangements: [arrangement('PENDING_REVIEW')],
  };
}

function arrangement(status: ArrangementData['status'], over: Partial<ArrangementData> = {}): ArrangementData {
  return { id: `a-${status}`, status, version: 2, processor: { key: 'tiles' }, dataCategories: ['device.location'], purposes: ['service.provide'], legalBasis: 'CONSENT', ...over };
}

function appliedProcessor(): ProcessorState {
  return {
    key: 'tiles',
    name: 'Tiles Inc.',
    country: 'US',
    contactEmail: 'dpa@tiles.example',
    dpaSignedAt: '2026-01-01T00:00:00.000Z',
    dpaExpiresAt: null,
    dpaReference: null,
    transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES',
    certifications: ['ISO 27001'],
    subProcessors: [],
    version: 3,
  };
}

function state(service: ServiceState | null, processor: ProcessorState | null): CurrentState {
  return {
    services: new Map([['maps', service]]),
    processors: new Map([['tiles', processor]]),
    teams: new Set(['geo', 'media']),
    dataCategories: new Set(['device', 'device.location', 'device.log', 'user', 'user.contact', 'user.contact.email']),
    dataUses: new Set(['service', 'service.provide', 'service.improve', 'personalize']),
  };
}

const byObject = (plan: ReturnType<typeof planApply>['plan']) => plan.entries.map((e) => `${e.object} ${e.action}`);

describe('planApply', () => {
  it('should create everything on an empty server, processors first, in dependency order', () => {
    const { plan, problems } = planApply(manifests(), state(null, null));
    expect(problems).toEqual([]);
    expect(byObject(plan)).toEqual(['processor create', 'service create', 'security-measures create', 'inventory create', 'policy create', 'sharing create']);
    expect(plan.entries.flatMap((e) => e.steps.map((s) => s.op))).toEqual([
      'registerProcessor',
      'registerService',
      'setSecurityMeasures',
      'setInventory',
      'createPolicy',
      'draftPolicyVersion',
      'proposeAndSubmitSharing',
    ]);
    expect(plan.entries[1].steps[0]).toEqual({
      op: 'registerService',
      input: { key: 'maps', name: 'Maps', teamKey: 'geo', description: 'Maps and directions', lifecycle: 'ACTIVE', servesMinors: false },
    });
    expect(plan.entries[4].steps[0]).toEqual({ op: 'createPolicy', input: { key: 'maps', title: 'Maps service policy', scope: 'SERVICE', serviceKey: 'maps' } });
  });

  it('should plan nothing when the server already holds what the manifest declares (order and case aside)', () => {
    const { plan, problems } = planApply(manifests(), state(appliedService(), appliedProcessor()));
    expect(problems).toEqual([]);
    expect(plan.entries.every((e) => e.action === 'unchanged' && e.steps.length === 0)).toBe(true);
    expect(summarise(plan)).toEqual({ create: 0, update: 0, unchanged: 6 });
  });

  it('should update only the service fields that differ, with the version it read', () => {
    const current = { ...appliedService(), name: 'Old maps', lifecycle: 'PLANNED' as const, version: 7 };
    const { plan } = planApply(manifests(), state(current, appliedProcessor()));
    const service = plan.entries.find((e) => e.object === 'service')!;
    expect(service.action).toBe('update');
    expect(service.changes).toEqual(['name', 'lifecycle']);
    expect(service.steps).toEqual([{ op: 'updateService', input: { key: 'maps', expectedVersion: 7, name: 'Maps', lifecycle: 'ACTIVE' } }]);
    expect(byObject(plan).filter((e) => e.endsWith('update'))).toEqual(['service update']);
  });

  it('should move a service to the team its manifest names', () => {
    const { plan } = planApply(manifests(), state({ ...appliedService(), team: { key: 'media' } }, appliedProcessor()));
    expect(plan.entries.find((e) => e.object === 'service')!.steps[0]).toEqual({ op: 'updateService', input: { key: 'maps', expectedVersion: 1, teamKey: 'geo' } });
  });

  it('should replace the inventory only when an item differs, counting added and removed items', () => {
    const current = appliedService();
    current.inventory[1] = { ...current.inventory[1], retentionDays: 90 };
    const { plan } = planApply(manifests(), state(current, appliedProcessor()));
    const inventory = plan.entries.find((e) => e.object === 'inventory')!;
    expect(inventory.action).toBe('update');
    expect(inventory.changes).toEqual(['+1 -1 items (1 kept)']);
    expect(inventory.steps[0]).toEqual(expect.objectContaining({ op: 'setInventory', serviceKey: 'maps' }));
    const items = (inventory.steps[0] as unknown as { items: { devicePermission: string | null }[] }).items;
    expect(items[0].devicePermission).toBe('LOCATION');
  });

  it('should treat a changed data-subject list as a different item', () => {
    const current = appliedService();
    current.inventory[1] = { ...current.inventory[1], dataSubjects: ['customers', 'minors'] };
    expect(planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'inventory')!.action).toBe('update');
  });

  it('should leave inventory, measures, policy and sharing alone when the manifest omits them', () => {
    const bare = MANIFEST.split('---\n')[1].replace(/\n {2}inventory:[\s\S]*$/, '\n');
    const { plan } = planApply(parseManifests([{ name: 'x.yaml', content: bare }]), state({ ...appliedService(), inventory: [] }, null));
    expect(byObject(plan)).toEqual(['service unchanged']);
  });

  it('should set security measures when their order or content differs', () => {
    const { plan } = planApply(manifests(), state({ ...appliedService(), securityMeasures: ['Access reviewed quarterly', 'TLS 1.3 in transit'] }, appliedProcessor()));
    expect(plan.entries.find((e) => e.object === 'security-measures')!.steps).toEqual([
      { op: 'setSecurityMeasures', serviceKey: 'maps', measures: ['TLS 1.3 in transit', 'Access reviewed quarterly'] },
    ]);
  });

  describe('policy', () => {
    it('should draft a new version when the clauses differ from the latest published version', () => {
      const current = appliedService();
      current.policy!.versions = [{ number: 2, status: 'PUBLISHED', clauses: [{ topic: 'RETENTION', subject: 'device.log', value: '90', locked: false, text: null }] }];
      const policy = planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'policy')!;
      expect(policy.action).toBe('update');
      expect(policy.changes[0]).toBe('draft v3 with 2 clauses');
      expect(policy.steps).toEqual([{ op: 'draftPolicyVersion', input: { policyKey: 'maps', clauses: expect.any(Array) } }]);
    });

    it('should replace an existing draft that differs', () => {
      const current = appliedService();
      current.policy!.versions[0].clauses.pop();
      expect(planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'policy')!.changes[0]).toBe('replace draft v1 with 2 clauses');
    });

    it('should compare with the highest-numbered version, draft or published', () => {
      const current = appliedService();
      const draft = current.policy!.versions[0];
      current.policy!.versions = [{ ...draft, number: 2, status: 'PUBLISHED' }, { number: 3, status: 'DRAFT', clauses: [] }];
      expect(planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'policy')!.action).toBe('update');
      current.policy!.versions = [{ number: 1, status: 'PUBLISHED', clauses: [] }, { ...draft, number: 2, status: 'PUBLISHED' }];
      expect(planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'policy')!.action).toBe('unchanged');
    });
  });

  describe('sharing', () => {
    it.each(['APPROVED', 'PENDING_REVIEW'] as const)('should leave a %s arrangement with the same processor and categories alone', (status) => {
      const current = { ...appliedService(), sharingArrangements: [arrangement(status)] };
      const sharing = planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'sharing')!;
      expect(sharing.action).toBe('unchanged');
      expect(sharing.steps).toEqual([]);
    });

    it('should submit an existing DRAFT instead of proposing another', () => {
      const current = { ...appliedService(), sharingArrangements: [arrangement('DRAFT', { version: 4 })] };
      const sharing = planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'sharing')!;
      expect(sharing.steps).toEqual([{ op: 'submitSharing', id: 'a-DRAFT', expectedVersion: 4 }]);
    });

    it.each(['REJECTED', 'REVOKED', 'WITHDRAWN'] as const)('should propose again when the only match is %s', (status) => {
      const current = { ...appliedService(), sharingArrangements: [arrangement(status)] };
      expect(planApply(manifests(), state(current, appliedProcessor())).plan.entries.find((e) => e.object === 'sharing')!.steps[0].op).toBe('proposeAndSubmitSharing');
    });

    it('should propose when the categories differ, and note differing purposes of a match', () => {
      const other = { ...appliedService(), sharingArrangements: [arrangement('APPROVED', { dataCategories: ['device.location', 'device.log'] })] };
      expect(planApply(manifests(), state(other, appliedProcessor())).plan.entries.find((e) => e.object === 'sharing')!.action).toBe('create');
      const purposes = { ...appliedService(), sharingArrangements: [arrangement('APPROVED', { purposes: ['personalize'] })] };
      const entry = planApply(manifests(), state(purposes, appliedProcessor())).plan.entries.find((e) => e.object === 'sharing')!;
      expect(entry.action).toBe('unchanged');
      expect(entry.changes[1]).toMatch(/has purposes personalize/);
    });

    it('should prefer the APPROVED match', () => {
      expect(bestMatch([arrangement('DRAFT'), arrangement('APPROVED'), arrangement('PENDING_REVIEW')], 'tiles', ['device.location'])!.status).toBe('APPROVED');
    });
  });

  describe('processor', () => {
    it('should update only the processor fields that differ, comparing instants and e-mails as the API stores them', () => {
      const current = { ...appliedProcessor(), dpaSignedAt: '2026-01-01T00:00:00Z', certifications: ['ISO 27001', 'SOC 2'] };
      const entry = planApply(manifests(), state(appliedService(), current)).plan.entries[0];
      expect(entry.steps).toEqual([{ op: 'updateProcessor', input: { key: 'tiles', expectedVersion: 3, certifications: ['ISO 27001'] } }]);
    });

    it("should send the sub-processors when a sub-processor's own transfer mechanism differs, and nothing when it is the same", () => {
      const withSubs = MANIFEST.replace('  certifications: [ISO 27001]\n', '  certifications: [ISO 27001]\n  subProcessors:\n    - { name: Cloud, country: in, transferMechanism: BINDING_CORPORATE_RULES }\n');
      const docs = parseManifests([{ name: 'canopy.yaml', content: withSubs }]);
      const cloud = { name: 'Cloud', country: 'IN', purpose: null, transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' as const };
      const entry = planApply(docs, state(appliedService(), { ...appliedProcessor(), subProcessors: [cloud] })).plan.entries[0];
      expect(entry.steps).toEqual([{ op: 'updateProcessor', input: { key: 'tiles', expectedVersion: 3, subProcessors: [{ ...cloud, transferMechanism: 'BINDING_CORPORATE_RULES' }] } }]);
      const same = planApply(docs, state(appliedService(), { ...appliedProcessor(), subProcessors: [{ ...cloud, transferMechanism: 'BINDING_CORPORATE_RULES' }] })).plan.entries[0];
      expect(same.action).toBe('unchanged');
    });
  });

  describe('references', () => {
    it('should locate unknown teams, taxonomy keys and processors before any write', () => {
      const content = MANIFEST.replace('team: geo', 'team: maps-team')
        .replace('dataCategory: device.log', 'dataCategory: device.logs')
        .replace('purposes: [service.improve]', 'purposes: [service.improve, analytics]');
      const loaded = parseManifests([{ name: 'c.yaml', content: content.split('---\n')[1] }]);
      const { problems } = planApply(loaded, state(null, null));
      expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
        'metadata.team: unknown team "maps-team"',
        'spec.inventory[1].dataCategory: unknown data category "device.logs"',
        'spec.inventory[1].purposes[1]: unknown data use "analytics"',
        'spec.sharing[0].processor: unknown processor "tiles" (register it, or declare it in a kind: Processor document)',
      ]);
      expect(problems.every((p) => p.file === 'c.yaml' && p.document === 1 && (p.line ?? 0) > 0)).toBe(true);
    });

    it('should accept a processor declared in the same apply', () => {
      expect(planApply(manifests(), state(null, null)).problems).toEqual([]);
    });

    it('should refuse two sharing entries with the same processor and categories', () => {
      const doubled = MANIFEST + '    - processor: tiles\n      dataCategories: [device.location]\n      purposes: [personalize]\n      legalBasis: CONSENT\n';
      const { problems } = planApply(parseManifests([{ name: 'd.yaml', content: doubled }]), state(null, null));
      expect(problems.map((p) => p.path)).toEqual(['spec.sharing[1]']);
    });
  });
});
