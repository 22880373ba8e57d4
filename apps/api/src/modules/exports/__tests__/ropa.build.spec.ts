import { DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES, type EffectiveClause, Taxonomy } from '@canopy/domain';
import { buildRecordOfProcessing, RopaDpiaFacts, RopaInput } from '../ropa.build';

const taxonomy = new Taxonomy(DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES);
const EEA = { name: 'EEA', countries: ['DE', 'FR', 'IE'] };

const retention = (subject: string, value: string): EffectiveClause => ({
  topic: 'RETENTION',
  subject,
  value,
  source: 'GLOBAL',
  policyKey: 'general',
  policyVersion: 2,
  pendingReview: false,
  conflictId: null,
  explanation: '',
  clauseSubject: subject,
  locked: false,
  text: null,
  origin: 'NAMED',
});

function input(over: Partial<RopaInput> = {}): RopaInput {
  return {
    at: new Date('2026-06-01T00:00:00Z'),
    homeRegion: EEA,
    services: [
      { id: 's2', key: 'moments', name: 'Moments', description: null, teamKey: 'media', lifecycle: 'ACTIVE' },
      { id: 's1', key: 'maps', name: 'Maps', description: 'Maps', teamKey: 'geo', lifecycle: 'ACTIVE' },
    ],
    inventories: new Map([
      [
        's1',
        [
          { dataCategory: 'device.location', purposes: ['service.provide', 'personalize'], source: 'DEVICE_PERMISSION', legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', dataSubjects: ['customers'] },
          { dataCategory: 'device.log', purposes: ['service.provide'], source: 'AUTOMATIC', legalBasis: 'LEGITIMATE_INTEREST', retentionDays: null, encryption: 'IN_TRANSIT', dataSubjects: null },
        ],
      ],
    ]),
    securityMeasures: new Map([['s1', ['TLS everywhere']]]),
    arrangements: [
      { id: 'a1', serviceId: 's1', processorId: 'p-us', dataCategories: ['device.location'], purposes: ['service.provide'], legalBasis: 'CONSENT', approvedAt: new Date('2026-05-01T00:00:00Z') },
      { id: 'a2', serviceId: 's1', processorId: 'p-de', dataCategories: ['device.log'], purposes: ['service.improve'], legalBasis: 'LEGITIMATE_INTEREST', approvedAt: null },
    ],
    processors: new Map([
      ['p-us', { key: 'tiles', name: 'Tiles Inc.', country: 'US', transferMechanism: null }],
      ['p-de', { key: 'logsink', name: 'Logsink GmbH', country: 'DE', transferMechanism: null }],
    ]),
    effectiveClauses: new Map([['s1', [retention('device', '30'), retention('device.location', 'UNLIMITED')]]]),
    taxonomy,
    dpias: new Map(),
    ...over,
  };
}

const CRITERIA = ['sensitive data: the service collects device.location', 'evaluation or scoring: the service uses device.location for personalize'];
const dpiaOf = (over: Partial<RopaDpiaFacts>): RopaDpiaFacts => ({
  required: true,
  criteria: CRITERIA,
  status: 'NONE',
  assessmentId: null,
  approvedAt: null,
  reviewDueAt: null,
  statusReason: null,
  ...over,
});

describe('buildRecordOfProcessing', () => {
  it('should list one activity per service and purpose, by service key then purpose, skipping services with nothing to record', () => {
    const rows = buildRecordOfProcessing(input());
    expect(rows.map((r) => `${r.serviceKey} ${r.purpose}`)).toEqual(['maps personalize', 'maps service.improve', 'maps service.provide']);
  });

  it('should gather the categories, data subjects and legal bases of the purpose', () => {
    const provide = buildRecordOfProcessing(input()).find((r) => r.purpose === 'service.provide')!;
    expect(provide.dataCategories.map((c) => [c.key, c.sensitive, c.legalBasis])).toEqual([
      ['device.location', true, 'CONSENT'],
      ['device.log', false, 'LEGITIMATE_INTEREST'],
    ]);
    expect(provide.dataSubjects).toEqual(['customers']);
    expect(provide.legalBases).toEqual(['CONSENT', 'LEGITIMATE_INTEREST']);
    expect(provide.purposeName).toBe(taxonomy.use('service.provide')!.name);
    expect(provide.securityMeasures).toEqual(['TLS everywhere']);
  });

  it('should set each erasure limit beside the RETENTION clause that applies to the category (nearest)', () => {
    const provide = buildRecordOfProcessing(input()).find((r) => r.purpose === 'service.provide')!;
    expect(provide.erasureTimeLimits).toEqual([
      { dataCategory: 'device.location', retentionDays: 30, policyLimit: 'UNLIMITED', description: '30 days (policy limit: no limit, global policy general v2)' },
      { dataCategory: 'device.log', retentionDays: null, policyLimit: '30', description: 'kept indefinitely (policy limit: 30 days, global policy general v2)' },
    ]);
  });

  it('should list as recipients the processors whose approved arrangement names the purpose, flagging transfers outside the home region', () => {
    const rows = buildRecordOfProcessing(input());
    const provide = rows.find((r) => r.purpose === 'service.provide')!;
    expect(provide.recipients).toEqual([
      expect.objectContaining({ processorKey: 'tiles', country: 'US', outsideHomeRegion: true, transferMechanism: null, dataCategories: ['device.location'] }),
    ]);
    expect(rows.find((r) => r.purpose === 'personalize')!.recipients).toEqual([]);
  });

  it("should carry, per activity, the transfers of its recipients' arrangements only", () => {
    const leg = (arrangementId: string, processorKey: string, country: string, restricted: boolean) => ({
      arrangementId, processorKey, recipient: `processor ${processorKey}`, country, restricted, lawful: !restricted, basis: null, reason: restricted ? 'no basis' : 'inside',
    });
    const transfers = new Map([['a1', [leg('a1', 'tiles', 'US', true)]], ['a2', [leg('a2', 'logsink', 'DE', false)]]]);
    const byPurpose = new Map(buildRecordOfProcessing(input({ transfers })).map((r) => [r.purpose, r.transfers]));
    expect(byPurpose.get('service.provide')).toEqual([leg('a1', 'tiles', 'US', true)]);
    expect(byPurpose.get('service.improve')).toEqual([leg('a2', 'logsink', 'DE', false)]);
    expect(byPurpose.get('personalize')).toEqual([]);
    expect(buildRecordOfProcessing(input()).every((r) => r.transfers.length === 0)).toBe(true);
  });

  it('should name what the record lacks: data subjects, transfer mechanisms, measures, categories of a purpose', () => {
    const rows = buildRecordOfProcessing(input({ securityMeasures: new Map() }));
    expect(rows.find((r) => r.purpose === 'service.provide')!.gaps).toEqual([
      'no categories of data subjects declared for device.log',
      'processor tiles is in US, outside the home region EEA, and records no transfer mechanism',
      'no security measures recorded for maps',
    ]);
    expect(rows.find((r) => r.purpose === 'service.improve')!.gaps).toEqual([
      'no inventory item of maps declares the purpose service.improve',
      'no security measures recorded for maps',
    ]);
  });

  it('should not flag a recorded transfer mechanism, nor a processor inside the home region', () => {
    const processors = new Map([
      ['p-us', { key: 'tiles', name: 'Tiles Inc.', country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' }],
      ['p-de', { key: 'logsink', name: 'Logsink GmbH', country: 'DE', transferMechanism: null }],
    ]);
    const rows = buildRecordOfProcessing(input({ processors }));
    expect(rows.flatMap((r) => r.gaps).filter((g) => g.startsWith('processor'))).toEqual([]);
    const withUs = buildRecordOfProcessing(input({ homeRegion: { name: 'EEA+US', countries: ['DE', 'US'] } }));
    expect(withUs.find((r) => r.purpose === 'service.provide')!.recipients[0].outsideHomeRegion).toBe(false);
  });

  describe("each activity's DPIA status", () => {
    const mapsRows = (dpia: RopaDpiaFacts) => buildRecordOfProcessing(input({ dpias: new Map([['s1', dpia]]) })).filter((r) => r.serviceKey === 'maps');

    it("should carry the service's DPIA on each of its activities, and list a required one that is missing among the gaps", () => {
      const rows = mapsRows(dpiaOf({}));
      expect(rows.map((r) => r.dpia)).toEqual(rows.map(() => ({ ...dpiaOf({}), summary: 'required (2 criteria met), no DPIA is recorded' })));
      for (const r of rows) expect(r.gaps).toContain('maps requires a DPIA (2 criteria met) and no DPIA is recorded');
    });

    it.each([
      ['DRAFT', { status: 'DRAFT' as const, assessmentId: 'd1' }, 'its DPIA is a draft'],
      ['IN_REVIEW', { status: 'IN_REVIEW' as const, assessmentId: 'd1' }, 'its DPIA is in review'],
      ['REJECTED', { status: 'REJECTED' as const, assessmentId: 'd1' }, 'its DPIA was rejected'],
      ['EXPIRED', { status: 'EXPIRED' as const, approvedAt: new Date('2025-01-10T00:00:00Z'), reviewDueAt: new Date('2026-01-10T00:00:00Z') }, 'its DPIA expired on 2026-01-10 (approved on 2025-01-10)'],
      ['STALE', { status: 'STALE' as const, approvedAt: new Date('2026-01-10T00:00:00Z'), statusReason: 'the service now collects sensitive user.biometric, which it did not assess' }, 'its DPIA is stale (approved on 2026-01-10, the service now collects sensitive user.biometric, which it did not assess)'],
    ])('should say how a required DPIA that does not cover the service stands (%s), as a gap too', (_status, over, words) => {
      const [row] = mapsRows(dpiaOf(over));
      expect(row.dpia.summary).toBe(`required (2 criteria met), ${words}`);
      expect(row.gaps).toContain(`maps requires a DPIA (2 criteria met) and ${words}`);
    });

    it('should list no gap for an approved DPIA, nor for one not required', () => {
      const approved = mapsRows(dpiaOf({ status: 'APPROVED', assessmentId: 'd1', approvedAt: new Date('2026-01-10T00:00:00Z'), reviewDueAt: new Date('2027-01-10T00:00:00Z') }));
      expect(approved[0].dpia).toMatchObject({ status: 'APPROVED', assessmentId: 'd1', summary: 'required (2 criteria met), its DPIA was approved on 2026-01-10, review due 2027-01-10' });
      const notRequired = mapsRows(dpiaOf({ required: false, criteria: CRITERIA.slice(0, 1) }));
      expect(notRequired[0].dpia.summary).toBe('not required (1 criterion met), no DPIA is recorded');
      for (const r of [...approved, ...notRequired]) expect(r.gaps.filter((g) => g.includes('DPIA'))).toEqual([]);
    });
  });
});
