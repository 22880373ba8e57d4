import { resolveEffectivePolicy } from '../precedence/fold';
import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalLayer, globalOnly } from '../testing/builders';
import { evaluateFindings } from './evaluate-findings';
import { FINDING_RULES, severityAtLeast } from './rules';
import type { ArrangementFacts, FindingsInput, InventoryItemFacts } from './types';

const taxonomy = Taxonomy.default();
const now = new Date('2026-12-01T00:00:00.000Z');
const effectiveClauses = globalOnly([
    clause('COLLECTION', '*', 'ALLOWED'),
    clause('COLLECTION', 'user.biometric', 'PROHIBITED'),
    clause('COLLECTION', 'device.location', 'CONSENT'),
    clause('USE', '*:*', 'ALLOWED'),
    clause('USE', 'device:personalize', 'CONSENT'),
    clause('USE', 'device.identifier:cross_service', 'PROHIBITED'),
    clause('SHARING', '*:third_party', 'CONSENT'),
    clause('SHARING', 'device.location:third_party', 'PROHIBITED'),
    clause('SHARING', '*:public', 'PROHIBITED'),
    clause('SHARING', 'user.content:public', 'CONSENT'),
    clause('RETENTION', '*', 'UNLIMITED'),
    clause('RETENTION', 'device.log', '90'),
    clause('ENCRYPTION', 'user', 'AT_REST_AND_IN_TRANSIT'),
    clause('COMMUNICATION', 'marketing.email', 'OPT_IN'),
    clause('COMMUNICATION', 'marketing.push', 'OPT_OUT'),
    clause('MINORS', 'guardian_consent_age', '16'),
]);

const item = (over: Partial<InventoryItemFacts> = {}): InventoryItemFacts => ({
  dataCategory: 'device.log',
  purposes: ['service.improve'],
  source: 'AUTOMATIC',
  legalBasis: 'LEGITIMATE_INTEREST',
  retentionDays: 30,
  encryption: 'AT_REST_AND_IN_TRANSIT',
  publiclyVisible: false,
  ...over,
});

const arrangement = (over: Partial<ArrangementFacts> = {}): ArrangementFacts => ({
  id: 'a1',
  status: 'APPROVED',
  dataCategories: ['device.log'],
  legalBasis: 'CONSENT',
  processor: { key: 'acme', dpaSignedAt: new Date('2026-01-01T00:00:00Z'), dpaExpiresAt: null },
  ...over,
});

const run = (over: Partial<FindingsInput> = {}) =>
  evaluateFindings({
    service: { key: 'maps', servesMinors: false },
    inventory: [item()],
    effectiveClauses,
    arrangements: [],
    openConflictsInForce: [],
    taxonomy,
    now,
    ...over,
  });
const rules = (over: Partial<FindingsInput> = {}) => run(over).map((f) => f.rule);

describe('evaluateFindings', () => {
  it('should find nothing for a compliant service', () => {
    expect(run()).toEqual([]);
  });

  it('should report COLLECTION_PROHIBITED with the clause it is measured against', () => {
    const [f] = run({ inventory: [item({ dataCategory: 'user.biometric', purposes: [], legalBasis: 'CONSENT' })] });
    expect(f).toMatchObject({ rule: 'COLLECTION_PROHIBITED', severity: 'CRITICAL', dataCategory: 'user.biometric' });
    expect(f.clause).toMatchObject({ topic: 'COLLECTION', subject: 'user.biometric', value: 'PROHIBITED', source: 'GLOBAL' });
    expect(f.message).toContain('COLLECTION user.biometric = PROHIBITED (global policy general v2)');
  });

  it('should report COLLECTION_WITHOUT_CONSENT unless the basis is consent', () => {
    expect(rules({ inventory: [item({ dataCategory: 'device.location', purposes: [] })] })).toEqual(['COLLECTION_WITHOUT_CONSENT']);
    expect(rules({ inventory: [item({ dataCategory: 'device.location', purposes: [], legalBasis: 'CONSENT' })] })).toEqual([]);
  });

  it('should report COLLECTION_UNDISCLOSED and USE_UNDISCLOSED when no clause applies', () => {
    const bare = globalOnly([clause('RIGHT', 'ACCESS', 'GRANTED')]);
    const findings = run({ effectiveClauses: bare });
    expect(findings.map((f) => [f.rule, f.severity, f.clause])).toEqual([
      ['COLLECTION_UNDISCLOSED', 'MEDIUM', null],
      ['USE_UNDISCLOSED', 'MEDIUM', null],
    ]);
  });

  it('should report USE_PROHIBITED and USE_WITHOUT_CONSENT per purpose', () => {
    const findings = run({ inventory: [item({ dataCategory: 'device.identifier', purposes: ['cross_service', 'personalize', 'security'] })] });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['USE_PROHIBITED', 'HIGH'],
      ['USE_WITHOUT_CONSENT', 'MEDIUM'],
    ]);
    expect(findings[1].clause?.subject).toBe('device:personalize');
  });

  it('should report RETENTION_EXCEEDED for a longer or indefinite retention', () => {
    expect(rules({ inventory: [item({ retentionDays: 91 })] })).toEqual(['RETENTION_EXCEEDED']);
    expect(run({ inventory: [item({ retentionDays: null })] })[0].message).toContain('indefinitely');
    expect(rules({ inventory: [item({ retentionDays: 90 })] })).toEqual([]);
  });

  it('should not report retention under an UNLIMITED clause', () => {
    expect(rules({ inventory: [item({ dataCategory: 'device.identifier', retentionDays: null })] })).toEqual([]);
  });

  it('should report ENCRYPTION_INSUFFICIENT below the required level', () => {
    const base = { dataCategory: 'user.account', purposes: [] as string[] };
    expect(rules({ inventory: [item({ ...base, encryption: 'IN_TRANSIT' })] })).toEqual(['ENCRYPTION_INSUFFICIENT']);
    expect(rules({ inventory: [item({ ...base, encryption: 'AT_REST_AND_IN_TRANSIT' })] })).toEqual([]);
    expect(rules({ inventory: [item({ encryption: 'NONE' })] })).toEqual([]);
  });

  it('should report COMMUNICATION_WITHOUT_CONSENT for marketing e-mail under OPT_IN only', () => {
    const base = { dataCategory: 'user.contact.email', purposes: ['marketing.email'], encryption: 'AT_REST_AND_IN_TRANSIT' as const };
    const [f] = run({ inventory: [item({ ...base, legalBasis: 'LEGITIMATE_INTEREST' })] });
    expect(f).toMatchObject({ rule: 'COMMUNICATION_WITHOUT_CONSENT', severity: 'MEDIUM', clause: expect.objectContaining({ subject: 'marketing.email', value: 'OPT_IN' }) });
    expect(rules({ inventory: [item({ ...base, legalBasis: 'CONSENT' })] })).toEqual([]);
    expect(rules({ inventory: [item({ ...base, purposes: ['marketing.push'] })] })).toEqual([]);
  });

  it('should report PUBLIC_SHARING_PROHIBITED for publicly visible data', () => {
    expect(rules({ inventory: [item({ publiclyVisible: true })] })).toEqual(['PUBLIC_SHARING_PROHIBITED']);
    const media = { dataCategory: 'user.content.image', purposes: [] as string[], publiclyVisible: true };
    expect(rules({ inventory: [item({ ...media, legalBasis: 'CONTRACT' })] })).toEqual(['PUBLIC_SHARING_PROHIBITED']);
    expect(rules({ inventory: [item({ ...media, legalBasis: 'CONSENT' })] })).toEqual([]);
  });

  it('should report MINOR_DATA_WITHOUT_CONSENT for sensitive data of a service serving minors', () => {
    const location = item({ dataCategory: 'device.location', purposes: [], legalBasis: 'CONTRACT' });
    const findings = run({ service: { key: 'maps', servesMinors: true }, inventory: [location] });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['COLLECTION_WITHOUT_CONSENT', 'HIGH'],
      ['MINOR_DATA_WITHOUT_CONSENT', 'HIGH'],
    ]);
    expect(findings[1].clause).toMatchObject({ topic: 'MINORS', value: '16' });
    expect(rules({ service: { key: 'maps', servesMinors: false }, inventory: [location] })).toEqual(['COLLECTION_WITHOUT_CONSENT']);
    expect(rules({ service: { key: 'maps', servesMinors: true }, inventory: [item()] })).toEqual([]);
  });

  it('should report SHARING_PROHIBITED for an approved arrangement only', () => {
    const inventory = [item(), item({ dataCategory: 'device.location', purposes: [], legalBasis: 'CONSENT' })];
    const shared = { dataCategories: ['device.location'] };
    const [f] = run({ inventory, arrangements: [arrangement(shared)] });
    expect(f).toMatchObject({ rule: 'SHARING_PROHIBITED', severity: 'CRITICAL', dataCategory: 'device.location' });
    expect(f.message).toContain('arrangement a1 with processor acme');
    expect(rules({ inventory, arrangements: [arrangement({ ...shared, status: 'PENDING_REVIEW' })] })).toEqual([]);
  });

  it('should report SHARING_PROHIBITED for a sensitive sub-category of a shared parent', () => {
    const inventory = [item({ dataCategory: 'device', purposes: [] })];
    const findings = run({ inventory, arrangements: [arrangement({ dataCategories: ['device'] })] });
    expect(findings.map((f) => [f.rule, f.dataCategory])).toEqual([['SHARING_PROHIBITED', 'device.location']]);
  });

  it('should report SHARING_UNDECLARED_CATEGORY for live arrangements', () => {
    for (const status of ['DRAFT', 'PENDING_REVIEW', 'APPROVED'] as const) {
      expect(rules({ arrangements: [arrangement({ status, dataCategories: ['device.log', 'device.identifier'] })] })).toEqual(['SHARING_UNDECLARED_CATEGORY']);
    }
    for (const status of ['REJECTED', 'REVOKED', 'WITHDRAWN'] as const) {
      expect(rules({ arrangements: [arrangement({ status, dataCategories: ['device.identifier'] })] })).toEqual([]);
    }
  });

  it('should count a category declared at a coarser level as held', () => {
    const inventory = [item({ dataCategory: 'user.contact', purposes: [] })];
    expect(rules({ inventory, arrangements: [arrangement({ dataCategories: ['user.contact.email'] })] })).toEqual([]);
  });

  it('should report PROCESSOR_DPA_INVALID for a missing or expired DPA of an approved arrangement', () => {
    const missing = arrangement({ processor: { key: 'acme', dpaSignedAt: null, dpaExpiresAt: null } });
    const expired = arrangement({ id: 'a2', processor: { key: 'beta', dpaSignedAt: new Date('2025-01-01Z'), dpaExpiresAt: new Date('2026-12-01T00:00:00.000Z') } });
    const findings = run({ arrangements: [missing, expired] });
    expect(findings.map((f) => [f.rule, f.severity, f.dataCategory])).toEqual([
      ['PROCESSOR_DPA_INVALID', 'HIGH', null],
      ['PROCESSOR_DPA_INVALID', 'HIGH', null],
    ]);
    expect(rules({ arrangements: [arrangement({ status: 'PENDING_REVIEW', processor: missing.processor })] })).toEqual([]);
  });

  it('should report CONFLICT_OPEN for each open conflict in force', () => {
    const [f] = run({ openConflictsInForce: [{ id: 'c1', topic: 'SHARING', subject: 'device.location:third_party' }] });
    expect(f).toMatchObject({ rule: 'CONFLICT_OPEN', severity: 'LOW', dataCategory: 'device.location' });
    expect(f.clause).toMatchObject({ subject: 'device.location:third_party' });
    expect(run({ openConflictsInForce: [{ id: 'c2', topic: 'RIGHT', subject: 'ACCESS' }] })[0]).toMatchObject({ dataCategory: null, clause: null });
  });

  it('should report identical findings once and sort by severity', () => {
    const bad = item({ dataCategory: 'user.biometric', purposes: ['cross_service'], legalBasis: 'CONSENT' });
    const findings = run({ inventory: [bad, bad], openConflictsInForce: [{ id: 'c1', topic: 'RIGHT', subject: 'ACCESS' }] });
    expect(findings.map((f) => f.severity)).toEqual(['CRITICAL', 'LOW']);
  });

  it('should measure against the effective clause, including sensitive protection', () => {
    const g = globalLayer([clause('COLLECTION', '*', 'ALLOWED'), clause('USE', '*:*', 'ALLOWED'), clause('SHARING', '*:third_party', 'PROHIBITED')]);
    const s = { source: 'SERVICE' as const, policyKey: 'maps', version: 3, clauses: [clause('SHARING', 'device:third_party', 'ALLOWED')] };
    const conflicts = [{ id: 'c1', topic: 'SHARING' as const, subject: 'device:third_party', globalValue: 'PROHIBITED', serviceValue: 'ALLOWED', status: 'RESOLVED' as const, resolution: 'SERVICE_PREVAILS' as const }];
    const eff = resolveEffectivePolicy({ layers: [g, s], conflicts, taxonomy });
    const inventory = [item(), item({ dataCategory: 'device.location', purposes: [] })];
    const findings = run({ effectiveClauses: eff, inventory, arrangements: [arrangement({ dataCategories: ['device.log', 'device.location'] })] });
    expect(findings.map((f) => [f.rule, f.dataCategory])).toEqual([['SHARING_PROHIBITED', 'device.location']]);
  });
});

describe('severityAtLeast', () => {
  it('should compare severities', () => {
    expect(severityAtLeast('HIGH', 'MEDIUM')).toBe(true);
    expect(severityAtLeast('MEDIUM', 'MEDIUM')).toBe(true);
    expect(severityAtLeast('LOW', 'MEDIUM')).toBe(false);
    expect(severityAtLeast('CRITICAL', 'LOW')).toBe(true);
  });
});

describe('FINDING_RULES', () => {
  it('should carry the severities of DESIGN.md sections 4, 8 and 9', () => {
    const bySeverity: Record<string, string[]> = {};
    for (const [rule, severity] of Object.entries(FINDING_RULES)) (bySeverity[severity] ??= []).push(rule);
    expect(bySeverity).toEqual({
      CRITICAL: ['COLLECTION_PROHIBITED', 'SHARING_PROHIBITED', 'TRANSFER_UNLAWFUL'],
      HIGH: ['COLLECTION_WITHOUT_CONSENT', 'USE_PROHIBITED', 'ENCRYPTION_INSUFFICIENT', 'PUBLIC_SHARING_PROHIBITED', 'MINOR_DATA_WITHOUT_CONSENT', 'PROCESSOR_DPA_INVALID', 'DPIA_MISSING', 'NOTICE_UNDELIVERED'],
      MEDIUM: [
        'COLLECTION_UNDISCLOSED',
        'USE_WITHOUT_CONSENT',
        'USE_UNDISCLOSED',
        'RETENTION_EXCEEDED',
        'COMMUNICATION_WITHOUT_CONSENT',
        'SHARING_UNDECLARED_CATEGORY',
        'ASSESSMENT_EXPIRED',
      ],
      LOW: ['CONFLICT_OPEN'],
    });
  });
});
