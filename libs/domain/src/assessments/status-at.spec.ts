import { Taxonomy } from '../taxonomy/taxonomy';
import { approvedDpia, approvedTia, content, day, processor } from '../testing/transfer-builders';
import { tiaContentFingerprint } from '../transfers/tia-fingerprint';
import { addMonthsUtc, reviewDueProblem } from './review-due';
import { type AssessedSubject, assessmentStandingAt, assessmentStatusAt, coveringAssessment } from './status-at';
import { STORED_ASSESSMENT_STATUSES } from './vocabulary';

const taxonomy = Taxonomy.default();
const dpiaSubject = (collectedCategories: string[]): AssessedSubject => ({ kind: 'DPIA', collectedCategories, taxonomy });

describe('assessmentStatusAt', () => {
  const dpia = approvedDpia(['device.location', 'device.log'], '2026-01-10', '2027-01-10');

  it('should pass stored statuses other than APPROVED through unchanged', () => {
    for (const status of STORED_ASSESSMENT_STATUSES.filter((s) => s !== 'APPROVED')) {
      expect(assessmentStatusAt({ ...dpia, status }, day('2030-01-01'), dpiaSubject(['user.biometric']))).toBe(status);
    }
  });

  it('should be APPROVED until the review date, EXPIRED from it', () => {
    expect(assessmentStatusAt(dpia, new Date('2027-01-09T23:59:59.999Z'))).toBe('APPROVED');
    expect(assessmentStandingAt(dpia, day('2027-01-10'))).toEqual({ status: 'EXPIRED', reason: 'its review was due on 2027-01-10T00:00:00.000Z' });
  });

  it('should not count an approval recorded after the instant asked about', () => {
    expect(assessmentStatusAt(dpia, day('2026-01-09'))).toBe('IN_REVIEW');
  });

  describe('a DPIA', () => {
    it('should go STALE when the service later collects a sensitive category it did not assess', () => {
      expect(assessmentStandingAt(dpia, day('2026-06-01'), dpiaSubject(['device.location', 'user.biometric', 'device.log']))).toEqual({
        status: 'STALE',
        reason: 'the service now collects sensitive user.biometric, which it did not assess',
      });
    });

    it('should stay APPROVED for new non-sensitive categories, fewer categories, or a child of an assessed one', () => {
      const withChild = taxonomy.withCategory({ key: 'device.location.precise', name: 'Precise location', sensitive: true });
      expect(assessmentStatusAt(dpia, day('2026-06-01'), dpiaSubject(['device.location', 'user.account', 'device.identifier']))).toBe('APPROVED');
      expect(assessmentStatusAt(dpia, day('2026-06-01'), dpiaSubject([]))).toBe('APPROVED');
      expect(assessmentStatusAt(dpia, day('2026-06-01'), { kind: 'DPIA', collectedCategories: ['device.location.precise'], taxonomy: withChild })).toBe('APPROVED');
    });

    it('should call an expired and stale DPIA EXPIRED', () => {
      expect(assessmentStatusAt(dpia, day('2027-02-01'), dpiaSubject(['user.biometric']))).toBe('EXPIRED');
    });
  });

  describe('a TIA', () => {
    const c = content({ dataCategories: ['device.log', 'user.account'] });
    const p = processor({ country: 'US', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES', subProcessors: [{ name: 'hosting', country: 'IN', transferMechanism: 'BINDING_CORPORATE_RULES' }] });
    const tia = approvedTia(c, p, '2026-01-10', '2027-01-10');
    const at = day('2026-06-01');
    const subject = (cc = c, pp = p): AssessedSubject => ({ kind: 'TIA', contentFingerprint: tiaContentFingerprint(cc, pp) });

    it('should stay APPROVED when an approval bumps the arrangement\u2019s version', () => {
      const approvedLater = { ...c, version: 4, status: 'APPROVED', approvals: [{ approverId: 'dpo-2' }] };
      expect(assessmentStatusAt(tia, at, subject(approvedLater))).toBe('APPROVED');
    });

    it.each([
      ['a category', content({ dataCategories: ['device.log', 'user.account', 'user.contact.email'] }), p],
      ['a purpose', content({ dataCategories: ['device.log', 'user.account'], purposes: ['service.improve', 'personalize'] }), p],
      ['the legal basis', content({ dataCategories: ['device.log', 'user.account'], legalBasis: 'CONSENT' }), p],
      ['the processor', c, { ...p, key: 'other' }],
      ['the processor\u2019s country', c, { ...p, country: 'IN' }],
      ['the processor\u2019s mechanism', c, { ...p, transferMechanism: 'BINDING_CORPORATE_RULES' as const }],
      ['a sub-processor\u2019s country', c, { ...p, subProcessors: [{ name: 'hosting', country: 'BR', transferMechanism: 'BINDING_CORPORATE_RULES' as const }] }],
      ['a sub-processor\u2019s mechanism', c, { ...p, subProcessors: [{ name: 'hosting', country: 'IN', transferMechanism: 'STANDARD_CONTRACTUAL_CLAUSES' as const }] }],
      ['a new sub-processor', c, { ...p, subProcessors: [...p.subProcessors!, { name: 'mail', country: 'IN', transferMechanism: 'BINDING_CORPORATE_RULES' as const }] }],
    ])('should go STALE when %s changes', (_what, cc, pp) => {
      expect(assessmentStandingAt(tia, at, subject(cc, pp))).toEqual({ status: 'STALE', reason: "the arrangement's content changed since it was assessed" });
    });

    it('should refuse to judge an assessment against the other kind of subject', () => {
      expect(() => assessmentStatusAt(tia, at, dpiaSubject([]))).toThrow(TypeError);
    });
  });

  it('should pick the most recently approved current assessment as covering', () => {
    const older = approvedDpia(['device.location'], '2026-01-10', '2027-01-10');
    const newer = approvedDpia(['device.location'], '2026-03-10', '2027-03-10');
    expect(coveringAssessment([newer, older], day('2026-06-01'))).toBe(newer);
    expect(coveringAssessment([newer, older], day('2027-02-01'))).toBe(newer);
    expect(coveringAssessment([newer, older], day('2027-04-01'))).toBeNull();
  });
});

describe('review dates', () => {
  it('should add calendar months in UTC, ending short months on their last day', () => {
    expect(addMonthsUtc(new Date('2026-03-01T10:30:00Z'), 12).toISOString()).toBe('2027-03-01T10:30:00.000Z');
    expect(addMonthsUtc(day('2028-02-29'), 12).toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(addMonthsUtc(day('2026-01-31'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonthsUtc(day('2026-12-15'), 2).toISOString()).toBe('2027-02-15T00:00:00.000Z');
  });

  it('should accept a date after the start and at most 12 months later', () => {
    const from = day('2026-03-01');
    expect(reviewDueProblem(day('2026-03-02'), from)).toBeNull();
    expect(reviewDueProblem(day('2027-03-01'), from)).toBeNull();
    expect(reviewDueProblem(new Date('2027-03-01T00:00:00.001Z'), from)).toContain('more than 12 months away');
    expect(reviewDueProblem(from, from)).toContain('not in the future');
    expect(reviewDueProblem(null, from)).toBe('no review date is set');
  });
});
