import { Taxonomy } from '../taxonomy/taxonomy';
import { clause, globalOnly } from '../testing/builders';
import { type SharingChecksInput, blockingFailures, evaluateSharingChecks } from './checks';
import { requiredApprovals } from './required-approvals';

const taxonomy = Taxonomy.default();
const now = new Date('2026-12-01T00:00:00.000Z');
const effectiveClauses = globalOnly([
    clause('SHARING', '*:third_party', 'CONSENT'),
    clause('SHARING', 'device.log:third_party', 'ALLOWED'),
    clause('SHARING', 'device.location:third_party', 'PROHIBITED'),
    clause('SHARING', 'user.account:public', 'ALLOWED'),
]);

const input = (over: Partial<SharingChecksInput> = {}, arrangement: Partial<SharingChecksInput['arrangement']> = {}): SharingChecksInput => ({
  arrangement: { dataCategories: ['device.log'], legalBasis: 'CONTRACT', requestedById: 'eng-1', approverIds: [], requiredApprovals: 1, ...arrangement },
  processor: { key: 'acme', dpaSignedAt: new Date('2026-01-01T00:00:00Z'), dpaExpiresAt: new Date('2027-01-01T00:00:00Z') },
  inventoryCategories: ['device.log', 'user.contact'],
  effectiveClauses,
  approverId: 'dpo-1',
  taxonomy,
  now,
  ...over,
});
const check = (name: string, over: Partial<SharingChecksInput> = {}, arrangement: Partial<SharingChecksInput['arrangement']> = {}) =>
  evaluateSharingChecks(input(over, arrangement)).find((c) => c.name === name)!;

describe('evaluateSharingChecks', () => {
  it('should return the five checks in order, passing for a sound arrangement', () => {
    const checks = evaluateSharingChecks(input());
    expect(checks.map((c) => c.name)).toEqual(['DPA_VALID', 'CATEGORIES_IN_INVENTORY', 'POLICY_PERMITS_SHARING', 'SEPARATION_OF_DUTIES', 'SECOND_APPROVAL']);
    expect(checks.map((c) => c.passed)).toEqual([true, true, true, true, false]);
    expect(blockingFailures(checks)).toEqual([]);
  });

  describe('DPA_VALID', () => {
    it('should fail without a signed DPA', () => {
      const c = check('DPA_VALID', { processor: { key: 'acme', dpaSignedAt: null, dpaExpiresAt: null } });
      expect(c).toEqual({ name: 'DPA_VALID', passed: false, message: 'processor acme has no signed DPA' });
    });

    it('should fail once the DPA expired', () => {
      const c = check('DPA_VALID', { processor: { key: 'acme', dpaSignedAt: new Date('2025-01-01Z'), dpaExpiresAt: now } });
      expect(c.passed).toBe(false);
      expect(c.message).toContain('expired');
    });

    it('should fail for a DPA signed only in the future, and pass without an expiry', () => {
      expect(check('DPA_VALID', { processor: { dpaSignedAt: new Date('2027-01-01Z'), dpaExpiresAt: null } }).passed).toBe(false);
      expect(check('DPA_VALID', { processor: { dpaSignedAt: new Date('2025-01-01Z'), dpaExpiresAt: null } }).passed).toBe(true);
    });
  });

  describe('CATEGORIES_IN_INVENTORY', () => {
    it('should name the categories the inventory does not hold', () => {
      const c = check('CATEGORIES_IN_INVENTORY', {}, { dataCategories: ['device.log', 'device.identifier', 'user.contact.email'] });
      expect(c).toMatchObject({ passed: false, message: "not in the service's inventory: device.identifier" });
    });
  });

  describe('POLICY_PERMITS_SHARING', () => {
    it('should pass for ALLOWED, and for CONSENT with a consent basis', () => {
      expect(check('POLICY_PERMITS_SHARING', {}, { dataCategories: ['device.log'], legalBasis: 'CONTRACT' }).passed).toBe(true);
      expect(check('POLICY_PERMITS_SHARING', {}, { dataCategories: ['user.contact'], legalBasis: 'CONSENT' }).passed).toBe(true);
    });

    it('should fail for CONSENT without a consent basis', () => {
      const c = check('POLICY_PERMITS_SHARING', {}, { dataCategories: ['user.contact'], legalBasis: 'CONTRACT' });
      expect(c.passed).toBe(false);
      expect(c.message).toContain('user.contact (SHARING *:third_party = CONSENT requires consent, legal basis is CONTRACT)');
    });

    it('should fail for PROHIBITED', () => {
      const c = check('POLICY_PERMITS_SHARING', {}, { dataCategories: ['device.location'], legalBasis: 'CONSENT' });
      expect(c).toMatchObject({ passed: false });
      expect(c.message).toContain('prohibits it');
    });

    it('should check every sub-category of a shared parent', () => {
      const c = check('POLICY_PERMITS_SHARING', { inventoryCategories: ['device'] }, { dataCategories: ['device'], legalBasis: 'CONSENT' });
      expect(c.passed).toBe(false);
      expect(c.message).toBe('not permitted: device.location (SHARING device.location:third_party = PROHIBITED prohibits it)');
    });

    it('should fail closed when no SHARING clause to third parties applies', () => {
      const c = check('POLICY_PERMITS_SHARING', { effectiveClauses: [] }, { dataCategories: ['device.log'] });
      expect(c.passed).toBe(false);
      expect(c.message).toContain('no SHARING clause covers device.log:third_party');
    });
  });

  describe('SEPARATION_OF_DUTIES', () => {
    it('should fail when the approver requested the arrangement', () => {
      expect(check('SEPARATION_OF_DUTIES', { approverId: 'eng-1' })).toMatchObject({ passed: false, message: 'the approver requested this arrangement' });
    });

    it('should fail when the approver already approved', () => {
      expect(check('SEPARATION_OF_DUTIES', {}, { approverIds: ['dpo-1'], requiredApprovals: 2 })).toMatchObject({ passed: false });
    });

    it('should tell the officer who approved an open arrangement that the next approval is another officer\'s', () => {
      expect(check('SEPARATION_OF_DUTIES', { approverId: 'dpo-1' }, { approverIds: ['dpo-1'], requiredApprovals: 2 })).toMatchObject({
        passed: false,
        message: 'you approved this arrangement already: the next approval must come from another officer',
      });
    });

    it('should never fail on a decided arrangement, telling the officer who approved it so', () => {
      expect(check('SEPARATION_OF_DUTIES', { approverId: 'dpo-1' }, { approverIds: ['dpo-1'], decided: true })).toEqual({
        name: 'SEPARATION_OF_DUTIES',
        passed: true,
        message: 'you approved this arrangement; separation of duties was checked when you did',
      });
      expect(check('SEPARATION_OF_DUTIES', { approverId: 'eng-1' }, { approverIds: ['dpo-1'], decided: true })).toMatchObject({ passed: true, message: 'checked against each approving officer at approval time' });
    });

    it('should pass, deferred, when nobody is approving', () => {
      expect(check('SEPARATION_OF_DUTIES', { approverId: null })).toMatchObject({ passed: true });
    });
  });

  describe('SECOND_APPROVAL', () => {
    it('should pass once the required distinct approvals are in', () => {
      expect(check('SECOND_APPROVAL', {}, { approverIds: ['dpo-2'], requiredApprovals: 2 })).toMatchObject({ passed: false, message: '1 of 2 required approval(s) from distinct officers' });
      expect(check('SECOND_APPROVAL', {}, { approverIds: ['dpo-2', 'dpo-2'], requiredApprovals: 2 }).passed).toBe(false);
      expect(check('SECOND_APPROVAL', {}, { approverIds: ['dpo-2', 'dpo-3'], requiredApprovals: 2 }).passed).toBe(true);
    });

    it('should never block', () => {
      const checks = evaluateSharingChecks(input({}, { requiredApprovals: 2 }));
      expect(checks.find((c) => c.name === 'SECOND_APPROVAL')!.passed).toBe(false);
      expect(blockingFailures(checks)).toEqual([]);
    });
  });

  it('should list every blocking failure', () => {
    const checks = evaluateSharingChecks(
      input({ approverId: 'eng-1', processor: { dpaSignedAt: null, dpaExpiresAt: null } }, { dataCategories: ['device.location'] }),
    );
    expect(blockingFailures(checks).map((c) => c.name)).toEqual(['DPA_VALID', 'CATEGORIES_IN_INVENTORY', 'POLICY_PERMITS_SHARING', 'SEPARATION_OF_DUTIES']);
  });
});

describe('requiredApprovals', () => {
  it('should need one approval for ordinary categories', () => {
    expect(requiredApprovals(['device.log', 'user.contact.email'], taxonomy)).toBe(1);
    expect(requiredApprovals([], taxonomy)).toBe(1);
  });

  it('should need two approvals when any category is sensitive', () => {
    expect(requiredApprovals(['device.log', 'device.location'], taxonomy)).toBe(2);
    expect(requiredApprovals(['user.minor'], taxonomy)).toBe(2);
  });

  it('should need two approvals for a parent that shares a sensitive sub-category', () => {
    expect(requiredApprovals(['device'], taxonomy)).toBe(2);
    expect(requiredApprovals(['user.contact'], taxonomy)).toBe(1);
  });
});
