import { day } from '../testing/transfer-builders';
import { advisoryNote, assessmentEnforcementAt, enforcementStartsAt } from './enforcement';

describe('assessment enforcement', () => {
  it('should be advisory for a fresh organisation, and until the instant an officer chose', () => {
    expect(assessmentEnforcementAt(null, day('2026-06-01'))).toEqual({ enforced: false, from: null });
    expect(assessmentEnforcementAt(undefined, day('2026-06-01')).enforced).toBe(false);
    expect(assessmentEnforcementAt(day('2026-07-01'), day('2026-06-30')).enforced).toBe(false);
    expect(assessmentEnforcementAt(day('2026-07-01'), day('2026-07-01')).enforced).toBe(true);
  });

  it('should say from when an advisory rule counts, and nothing once enforced', () => {
    expect(advisoryNote({ enforced: false, from: null })).toBe(' (advisory: enforcement of assessments is not turned on)');
    expect(advisoryNote({ enforced: false, from: day('2026-07-01') })).toBe(' (advisory: counts from 2026-07-01T00:00:00.000Z)');
    expect(advisoryNote({ enforced: true, from: day('2026-07-01') })).toBe('');
  });

  it('should read a past instant as now, so turning enforcement on never rewrites the past', () => {
    expect(enforcementStartsAt(day('2026-01-01'), day('2026-06-01'))).toEqual(day('2026-06-01'));
    expect(enforcementStartsAt(day('2026-09-01'), day('2026-06-01'))).toEqual(day('2026-09-01'));
  });
});
