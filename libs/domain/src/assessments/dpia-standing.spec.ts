import { Taxonomy } from '../taxonomy/taxonomy';
import { approvedDpia, day } from '../testing/transfer-builders';
import { serviceDpiaStandingAt } from './dpia-standing';
import type { AssessmentRecord } from './status-at';

const taxonomy = Taxonomy.default();
const collecting = (...collectedCategories: string[]) => ({ kind: 'DPIA' as const, collectedCategories, taxonomy });
const inWorkflow = (status: AssessmentRecord['status']): AssessmentRecord => ({ kind: 'DPIA', status, approvedAt: null, reviewDueAt: null, assessedCategories: [], assessedContent: null });

describe('serviceDpiaStandingAt', () => {
  const approved = approvedDpia(['user.biometric'], '2026-01-10', '2027-01-10');
  const at = day('2026-06-01');

  it('should be NONE without any DPIA', () => {
    expect(serviceDpiaStandingAt([], at, collecting('user.biometric'))).toEqual({ status: 'NONE', dpia: null, reason: null });
  });

  it('should read the most recent DPIA when none was ever approved', () => {
    const draft = inWorkflow('DRAFT');
    const rejected = inWorkflow('REJECTED');
    expect(serviceDpiaStandingAt([draft], at, collecting())).toEqual({ status: 'DRAFT', dpia: draft, reason: null });
    expect(serviceDpiaStandingAt([draft, rejected], at, collecting()).status).toBe('REJECTED');
    expect(serviceDpiaStandingAt([rejected, inWorkflow('IN_REVIEW')], at, collecting()).status).toBe('IN_REVIEW');
  });

  it('should be APPROVED when a DPIA covers the service, whatever newer drafts exist', () => {
    expect(serviceDpiaStandingAt([approved, inWorkflow('DRAFT')], at, collecting('user.biometric'))).toEqual({ status: 'APPROVED', dpia: approved, reason: null });
  });

  it('should stand on the lapsed approval, EXPIRED or STALE, until a newer DPIA is approved', () => {
    const draft = inWorkflow('DRAFT');
    expect(serviceDpiaStandingAt([approved, draft], day('2027-02-01'), collecting('user.biometric'))).toMatchObject({ status: 'EXPIRED', dpia: approved, reason: expect.stringContaining('2027-01-10') });
    expect(serviceDpiaStandingAt([approved, draft], at, collecting('user.biometric', 'device.location'))).toMatchObject({ status: 'STALE', dpia: approved, reason: expect.stringContaining('device.location') });
  });

  it('should prefer a covering DPIA over a later approval that went stale, and not count an approval after the instant', () => {
    const wide = approvedDpia(['user.biometric', 'device.location'], '2026-02-01', '2027-02-01');
    const narrow = approvedDpia(['user.biometric'], '2026-03-01', '2027-03-01');
    expect(serviceDpiaStandingAt([wide, narrow], at, collecting('user.biometric', 'device.location')).dpia).toBe(wide);
    expect(serviceDpiaStandingAt([approved], day('2026-01-09'), collecting('user.biometric')).status).toBe('IN_REVIEW');
  });
});
