import { DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES } from '../taxonomy/default-taxonomy';
import { Taxonomy } from '../taxonomy/taxonomy';
import { EEA } from '../testing/transfer-builders';
import { DPIA_CRITERIA, type DpiaCriterion, type DpiaFacts, dpiaRequirement } from './dpia-requirement';

type Item = DpiaFacts['inventory'][number];
type Arrangement = NonNullable<DpiaFacts['arrangements']>[number];
const item = (dataCategory: string, over: Partial<Item> = {}): Item => ({ dataCategory, purposes: ['service.provide'], retentionDays: 30, ...over });
const arrangement = (over: Partial<Arrangement> = {}): Arrangement => ({ status: 'APPROVED', dataCategories: ['device.microphone'], processor: { country: 'US' }, ...over });

/** Biometric data is sensitive by default; unflagged here so that "innovative technology" can be met alone. */
const unflagged = new Taxonomy(
  DEFAULT_DATA_CATEGORIES.map((c) => (c.key === 'user.biometric' ? { ...c, sensitive: false } : c)),
  DEFAULT_DATA_USES,
);

interface Fragment {
  servesMinors?: boolean;
  inventory?: Item[];
  arrangements?: Arrangement[];
}

/** Facts meeting exactly one criterion each. */
const ONLY: Record<DpiaCriterion, Fragment> = {
  SENSITIVE_DATA: { inventory: [item('device.camera')] },
  VULNERABLE_DATA_SUBJECTS: { servesMinors: true },
  EVALUATION_OR_SCORING: { inventory: [item('user.account', { purposes: ['personalize'] })] },
  MATCHING_OR_COMBINING: { inventory: [item('user.contact.email', { purposes: ['cross_service'] })] },
  SYSTEMATIC_MONITORING: { inventory: [item('device.identifier', { retentionDays: 365 })] },
  INNOVATIVE_TECHNOLOGY: { inventory: [item('user.biometric')] },
  // the inventory does not hold what is shared (SHARING_UNDECLARED_CATEGORY's business), so only the transfer counts
  SENSITIVE_TRANSFER: { arrangements: [arrangement()] },
};

const facts = (fragments: Fragment[], taxonomy = unflagged): DpiaFacts => ({
  service: { servesMinors: fragments.some((f) => f.servesMinors) },
  inventory: fragments.flatMap((f) => f.inventory ?? []),
  arrangements: fragments.flatMap((f) => f.arrangements ?? []),
  homeRegion: EEA,
  taxonomy,
});
const met = (f: DpiaFacts) => dpiaRequirement(f).criteria.map((c) => c.id);

describe('dpiaRequirement', () => {
  it.each(DPIA_CRITERIA)('should not require a DPIA for %s alone', (criterion) => {
    const result = dpiaRequirement(facts([ONLY[criterion]]));
    expect(result.criteria.map((c) => c.id)).toEqual([criterion]);
    expect(result.required).toBe(false);
  });

  const pairs = DPIA_CRITERIA.flatMap((a, i) => DPIA_CRITERIA.slice(i + 1).map((b) => [a, b] as const));

  it.each(pairs)('should require a DPIA for %s with %s', (a, b) => {
    const result = dpiaRequirement(facts([ONLY[a], ONLY[b]]));
    expect(result.criteria.map((c) => c.id)).toEqual([a, b]);
    expect(result.required).toBe(true);
  });

  it('should require nothing of a service that meets no criterion', () => {
    expect(dpiaRequirement(facts([{ inventory: [item('device.log')] }]))).toEqual({ required: false, criteria: [] });
  });

  it('should say each criterion as a sentence naming what meets it', () => {
    const all = dpiaRequirement(facts(DPIA_CRITERIA.map((c) => ONLY[c]))).criteria.map((c) => c.sentence);
    expect(all).toEqual([
      'sensitive data: the service collects device.camera',
      'vulnerable data subjects: the service serves minors',
      'evaluation or scoring: the service uses user.account for personalize',
      'matching or combining datasets: the service uses user.contact.email in another service (cross_service)',
      'systematic monitoring: the service collects device.identifier (kept 365 days), over 90 days',
      'innovative technology: the service collects user.biometric',
      'transfer outside the home region: sensitive device.microphone (to US) leaves EEA',
    ]);
  });

  it('should count biometric data twice with the default taxonomy: sensitive and innovative', () => {
    const result = dpiaRequirement(facts([ONLY.INNOVATIVE_TECHNOLOGY], Taxonomy.default()));
    expect(result.criteria.map((c) => c.id)).toEqual(['SENSITIVE_DATA', 'INNOVATIVE_TECHNOLOGY']);
    expect(result.required).toBe(true);
  });

  it('should count collecting minors\u2019 data as vulnerable data subjects', () => {
    expect(met(facts([{ inventory: [item('user.minor')] }], Taxonomy.default()))).toEqual(['SENSITIVE_DATA', 'VULNERABLE_DATA_SUBJECTS']);
  });

  describe('systematic monitoring', () => {
    it.each([
      [90, false],
      [91, true],
      [null, true],
    ])('should read %s days of device identifiers as monitoring: %s', (retentionDays, monitoring) => {
      expect(met(facts([{ inventory: [item('device.identifier', { retentionDays })] }])).includes('SYSTEMATIC_MONITORING')).toBe(monitoring);
    });

    it('should count location kept indefinitely, not logs', () => {
      expect(met(facts([{ inventory: [item('device.location', { retentionDays: null })] }], Taxonomy.default()))).toEqual(['SENSITIVE_DATA', 'SYSTEMATIC_MONITORING']);
      expect(met(facts([{ inventory: [item('device.log', { retentionDays: null })] }]))).toEqual([]);
    });
  });

  describe('taxonomy readings', () => {
    const withChild = Taxonomy.default().withCategory({ key: 'user.biometric.face', name: 'Face templates', sensitive: true });

    it('should count a child of a sensitive category as sensitive and biometric', () => {
      expect(met(facts([{ inventory: [item('user.biometric.face')] }], withChild))).toEqual(['SENSITIVE_DATA', 'INNOVATIVE_TECHNOLOGY']);
    });

    it('should take a parent declaration at its word: `device` is not location data', () => {
      expect(met(facts([{ inventory: [item('device', { retentionDays: null })] }], Taxonomy.default()))).toEqual([]);
    });

    it('should count a purpose below personalize as evaluation', () => {
      const uses = Taxonomy.default().withUse({ key: 'personalize.ads', name: 'Personalised ads' });
      expect(met(facts([{ inventory: [item('user.account', { purposes: ['personalize.ads'] })] }], uses))).toEqual(['EVALUATION_OR_SCORING']);
    });

    it('should count a shared parent as transferring its sensitive children', () => {
      const result = dpiaRequirement(facts([{ arrangements: [arrangement({ dataCategories: ['device'] })] }], Taxonomy.default()));
      expect(result.criteria[0].sentence).toBe('transfer outside the home region: sensitive device.camera (to US), device.location (to US), device.microphone (to US) leaves EEA');
    });
  });

  describe('transfers', () => {
    const only = (a: Arrangement) => met(facts([{ arrangements: [a] }]));

    it('should count proposed and approved arrangements only', () => {
      expect(only(arrangement({ status: 'PENDING_REVIEW' }))).toEqual(['SENSITIVE_TRANSFER']);
      for (const status of ['DRAFT', 'REJECTED', 'REVOKED', 'WITHDRAWN'] as const) expect(only(arrangement({ status }))).toEqual([]);
    });

    it('should count a sub-processor abroad, not a recipient at home, nor non-sensitive data abroad', () => {
      expect(only(arrangement({ processor: { country: 'FR', subProcessors: [{ country: 'in' }] } }))).toEqual(['SENSITIVE_TRANSFER']);
      expect(only(arrangement({ processor: { country: 'FR' } }))).toEqual([]);
      expect(only(arrangement({ dataCategories: ['device.log'] }))).toEqual([]);
    });

    it('should need the home region to judge transfers', () => {
      expect(met({ ...facts([ONLY.SENSITIVE_TRANSFER]), homeRegion: undefined })).toEqual([]);
    });
  });
});
