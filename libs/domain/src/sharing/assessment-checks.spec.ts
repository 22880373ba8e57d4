import { resolveEffectivePolicy } from '../precedence/fold';
import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalLayer } from '../testing/builders';
import { EEA, approvedDpia, day, processor } from '../testing/transfer-builders';
import { ADEQUACY_SEED } from '../transfers/adequacy-seed';
import type { AssessmentChecksFacts } from './assessment-checks';
import { type SharingChecksInput, blockingFailures, evaluateSharingChecks, isInformativeCheck } from './checks';

const taxonomy = Taxonomy.default();
const now = day('2026-06-01');
const effectiveClauses = resolveEffectivePolicy({ layers: [globalLayer([clause('SHARING', '*:third_party', 'CONSENT')])], taxonomy });

const facts = (over: Partial<AssessmentChecksFacts> = {}): AssessmentChecksFacts => ({
  enforceFrom: day('2026-03-01'),
  homeRegion: EEA,
  adequacy: ADEQUACY_SEED,
  purposes: ['service.provide'],
  processor: processor({ country: 'FR' }),
  tias: [],
  dpias: [],
  ...over,
});
const input = (assessments: AssessmentChecksFacts | undefined, arrangement: Partial<SharingChecksInput['arrangement']> = {}, inventoryCategories = ['user.account', 'user.minor']): SharingChecksInput => ({
  arrangement: { dataCategories: ['user.account'], legalBasis: 'CONSENT', requestedById: 'eng-1', approverIds: [], requiredApprovals: 1, ...arrangement },
  processor: { key: 'acme', dpaSignedAt: day('2026-01-01'), dpaExpiresAt: null },
  inventoryCategories,
  effectiveClauses,
  approverId: 'dpo-1',
  taxonomy,
  now,
  assessments,
});
const check = (name: string, i: SharingChecksInput) => evaluateSharingChecks(i).find((c) => c.name === name)!;
const toUs = facts({ processor: processor({ country: 'US', certifications: ['SOC 2'] }) });
const minors = { dataCategories: ['user.minor'], requiredApprovals: 2 };

describe('the section 9 sharing checks', () => {
  it('should not be evaluated without their facts, so existing callers see the five checks', () => {
    expect(evaluateSharingChecks(input(undefined)).map((c) => c.name)).toEqual(['DPA_VALID', 'CATEGORIES_IN_INVENTORY', 'POLICY_PERMITS_SHARING', 'SEPARATION_OF_DUTIES', 'SECOND_APPROVAL']);
  });

  it('should follow the five, passing for an arrangement inside the home region without sensitive data', () => {
    const checks = evaluateSharingChecks(input(facts()));
    expect(checks.map((c) => [c.name, c.passed])).toEqual([
      ['DPA_VALID', true],
      ['CATEGORIES_IN_INVENTORY', true],
      ['POLICY_PERMITS_SHARING', true],
      ['SEPARATION_OF_DUTIES', true],
      ['SECOND_APPROVAL', false],
      ['TRANSFER_LAWFUL', true],
      ['DPIA_APPROVED', true],
    ]);
    expect(checks.slice(5).map((c) => c.message)).toEqual(['every recipient is inside the home region EEA', 'shares no sensitive category: no DPIA is needed for this arrangement']);
  });

  describe('TRANSFER_LAWFUL', () => {
    it('should fail alone and block once enforced', () => {
      const checks = evaluateSharingChecks(input(toUs));
      expect(blockingFailures(checks).map((c) => c.name)).toEqual(['TRANSFER_LAWFUL']);
      expect(checks[5].message).toBe(
        'processor acme in US: not lawful: the adequacy decision for US covers only organisations certified under the EU-US Data Privacy Framework (certification DPF); no other transfer mechanism is recorded',
      );
    });

    it('should inform without blocking before enforcement, saying from when it counts', () => {
      const early = evaluateSharingChecks(input({ ...toUs, enforceFrom: day('2026-09-01') }));
      expect(early[5]).toMatchObject({ passed: false, informative: true, message: expect.stringMatching(/\(advisory: counts from 2026-09-01T00:00:00.000Z\)$/) });
      expect(blockingFailures(early)).toEqual([]);
      const never = evaluateSharingChecks(input({ ...toUs, enforceFrom: null }));
      expect(never[5].message).toMatch(/\(advisory: enforcement of assessments is not turned on\)$/);
      expect(blockingFailures(never)).toEqual([]);
    });

    it('should name the basis of each lawful restricted transfer', () => {
      const c = check('TRANSFER_LAWFUL', input(facts({ processor: processor({ country: 'US', certifications: ['DPF'], subProcessors: [{ name: 'cdn', country: 'JP', transferMechanism: null }] }) })));
      expect(c).toMatchObject({ passed: true, message: 'every transfer outside EEA is lawful: US on ADEQUACY_DECISION, JP on ADEQUACY_DECISION' });
    });
  });

  describe('DPIA_APPROVED', () => {
    it('should fail alone when a sensitive category is shared and no DPIA covers the service', () => {
      const checks = evaluateSharingChecks(input(facts(), minors));
      expect(blockingFailures(checks).map((c) => [c.name, c.message])).toEqual([['DPIA_APPROVED', 'shares sensitive user.minor but no approved, unexpired, current DPIA covers the service']]);
    });

    it('should pass with a current approved DPIA, and fail once it is stale or expired', () => {
      const dpia = approvedDpia(['user.account', 'user.minor'], '2026-02-01', '2027-02-01');
      expect(check('DPIA_APPROVED', input(facts({ dpias: [dpia] }), minors)).passed).toBe(true);
      const stale = check('DPIA_APPROVED', input(facts({ dpias: [dpia] }), minors, ['user.minor', 'user.biometric']));
      expect(stale).toMatchObject({ passed: false, message: expect.stringContaining('its latest is STALE (the service now collects sensitive user.biometric, which it did not assess)') });
      expect(check('DPIA_APPROVED', { ...input(facts({ dpias: [dpia] }), minors), now: day('2027-02-01') }).message).toContain('its latest is EXPIRED');
    });

    it('should count a shared parent as sharing its sensitive children', () => {
      expect(check('DPIA_APPROVED', input(facts(), { dataCategories: ['user'] }, ['user'])).message).toBe(
        'shares sensitive user.biometric, user.minor but no approved, unexpired, current DPIA covers the service',
      );
    });

    it('should inform only before enforcement', () => {
      const c = check('DPIA_APPROVED', input(facts({ enforceFrom: null }), minors));
      expect(isInformativeCheck(c)).toBe(true);
      expect(isInformativeCheck(check('DPIA_APPROVED', input(facts(), minors)))).toBe(false);
    });
  });
});
