import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalOnly } from '../testing/builders';
import { EEA, approvedDpia, approvedTia, content, day, processor } from '../testing/transfer-builders';
import { ADEQUACY_SEED } from '../transfers/adequacy-seed';
import { evaluateFindings } from './evaluate-findings';
import type { ArrangementFacts, AssessmentRulesInput, FindingsInput, InventoryItemFacts } from './types';

const taxonomy = Taxonomy.default();
const now = day('2026-06-01');
const effectiveClauses = globalOnly([clause('COLLECTION', '*', 'ALLOWED'), clause('USE', '*:*', 'ALLOWED'), clause('SHARING', '*:third_party', 'ALLOWED')]);
const item = (dataCategory: string, over: Partial<InventoryItemFacts> = {}): InventoryItemFacts => ({
  dataCategory,
  purposes: ['service.provide'],
  source: 'USER_PROVIDED',
  legalBasis: 'CONSENT',
  retentionDays: 30,
  encryption: 'AT_REST_AND_IN_TRANSIT',
  publiclyVisible: false,
  ...over,
});
const usProcessor = processor({ key: 'acme', country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' });
const shared = content({ dataCategories: ['user.account'], purposes: ['service.provide'], legalBasis: 'CONSENT' });
const arrangement = (over: Partial<ArrangementFacts> = {}): ArrangementFacts => ({
  id: 'a1',
  status: 'APPROVED',
  dataCategories: shared.dataCategories,
  purposes: shared.purposes,
  legalBasis: 'CONSENT',
  processor: { ...usProcessor, dpaSignedAt: day('2026-01-01'), dpaExpiresAt: null },
  tias: [],
  ...over,
});
const rules = (over: Partial<AssessmentRulesInput> = {}): AssessmentRulesInput => ({ enforceFrom: day('2026-03-01'), homeRegion: EEA, adequacy: ADEQUACY_SEED, dpias: [], ...over });
const run = (over: Partial<FindingsInput> = {}) =>
  evaluateFindings({
    service: { key: 'maps', servesMinors: false },
    inventory: [item('user.account')],
    effectiveClauses,
    arrangements: [arrangement()],
    openConflictsInForce: [],
    taxonomy,
    now,
    assessments: rules(),
    ...over,
  });
const found = (over: Partial<FindingsInput> = {}) => run(over).map((f) => [f.rule, f.severity]);

/** Biometric data: sensitive data and innovative technology, two criteria. */
const biometric = [item('user.account'), item('user.biometric')];

describe('assessment findings', () => {
  it('should not run without their facts: the findings of section 4 stay as they were', () => {
    expect(found({ assessments: undefined, inventory: biometric })).toEqual([]);
  });

  describe('TRANSFER_UNLAWFUL', () => {
    it('should report each unlawful transfer of an approved arrangement, CRITICAL once enforced', () => {
      const [f] = run();
      expect(f).toMatchObject({ rule: 'TRANSFER_UNLAWFUL', severity: 'CRITICAL', dataCategory: null, clause: null });
      expect(f.message).toBe(
        'approved arrangement a1 with processor acme transfers data unlawfully: processor acme in US: not lawful: the adequacy decision for US covers only organisations certified under the EU-US Data Privacy Framework (certification DPF); STANDARD_CONTRACTUAL_CLAUSES needs an approved, unexpired, current TIA: no TIA covers the arrangement',
      );
    });

    it('should be LOW before enforcement, saying from when it counts', () => {
      const [f] = run({ assessments: rules({ enforceFrom: day('2026-09-01') }) });
      expect(f).toMatchObject({ rule: 'TRANSFER_UNLAWFUL', severity: 'LOW', message: expect.stringMatching(/\(advisory: counts from 2026-09-01T00:00:00.000Z\)$/) });
      expect(run({ assessments: rules({ enforceFrom: null }) })[0].message).toMatch(/not turned on\)$/);
    });

    it('should disappear once a TIA covers the arrangement, and reappear as ASSESSMENT_EXPIRED and unlawful when it expires', () => {
      const tias = [approvedTia(shared, usProcessor, '2026-01-10', '2026-12-01')];
      expect(found({ arrangements: [arrangement({ tias })] })).toEqual([]);
      expect(found({ arrangements: [arrangement({ tias })], now: day('2026-12-01') })).toEqual([
        ['TRANSFER_UNLAWFUL', 'CRITICAL'],
        ['ASSESSMENT_EXPIRED', 'MEDIUM'],
      ]);
      expect(run({ arrangements: [arrangement({ tias })], now: day('2026-12-01') })[1].message).toBe(
        'the TIA of approved arrangement a1 with processor acme approved on 2026-01-10 expired on 2026-12-01',
      );
    });

    it('should not run without the adequacy register, while an expired TIA is still reported', () => {
      const tias = [approvedTia(shared, usProcessor, '2026-01-10', '2026-12-01')];
      expect(found({ assessments: rules({ adequacy: undefined }) })).toEqual([]);
      expect(found({ arrangements: [arrangement({ tias })], now: day('2026-12-01'), assessments: rules({ adequacy: undefined }) })).toEqual([['ASSESSMENT_EXPIRED', 'MEDIUM']]);
    });

    it('should look at approved arrangements whose processor\u2019s country is known only', () => {
      expect(found({ arrangements: [arrangement({ status: 'PENDING_REVIEW' })] })).toEqual([]);
      expect(found({ arrangements: [arrangement({ processor: { key: 'acme', dpaSignedAt: day('2026-01-01'), dpaExpiresAt: null } })] })).toEqual([]);
    });
  });

  describe('DPIA_MISSING', () => {
    const inland = [arrangement({ processor: { ...processor({ country: 'FR' }), dpaSignedAt: day('2026-01-01'), dpaExpiresAt: null } })];

    it('should report a required DPIA that no approved, current DPIA covers, HIGH once enforced', () => {
      const findings = run({ inventory: biometric, arrangements: inland });
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([['DPIA_MISSING', 'HIGH']]);
      expect(findings[0].message).toBe(
        'service maps needs a DPIA (sensitive data: the service collects user.biometric; innovative technology: the service collects user.biometric) and no DPIA of it is approved',
      );
      expect(found({ inventory: biometric, arrangements: inland, assessments: rules({ enforceFrom: null }) })).toEqual([['DPIA_MISSING', 'LOW']]);
    });

    it('should not report a DPIA that is not required (one criterion: sensitive data)', () => {
      expect(found({ inventory: [item('user.account'), item('device.camera')], arrangements: inland })).toEqual([]);
    });

    it('should disappear with a covering DPIA, and come back when it goes stale or expires', () => {
      const dpias = [approvedDpia(['user.account', 'user.biometric'], '2026-02-01', '2027-02-01')];
      expect(found({ inventory: biometric, arrangements: inland, assessments: rules({ dpias }) })).toEqual([]);
      const stale = run({ inventory: [...biometric, item('device.location')], arrangements: inland, assessments: rules({ dpias }) });
      expect(stale.map((f) => f.rule)).toEqual(['DPIA_MISSING']);
      expect(stale[0].message).toContain('its latest approved DPIA is STALE (the service now collects sensitive device.location, which it did not assess)');
      expect(found({ inventory: biometric, arrangements: inland, assessments: rules({ dpias }), now: day('2027-02-01') })).toEqual([
        ['DPIA_MISSING', 'HIGH'],
        ['ASSESSMENT_EXPIRED', 'MEDIUM'],
      ]);
    });
  });

  it('should sort the new findings with the others by severity', () => {
    const findings = run({ inventory: [...biometric, item('device.identifier', { retentionDays: 400 })] });
    expect(findings.map((f) => f.rule)).toEqual(['TRANSFER_UNLAWFUL', 'DPIA_MISSING']);
  });
});
