/**
 * Enforcement of the section 9 rules with a grace period. An organisation
 * turns them on from an instant (`enforceAssessmentsFrom`); before it the
 * checks TRANSFER_LAWFUL and DPIA_APPROVED are informative and the findings
 * TRANSFER_UNLAWFUL, DPIA_MISSING and ASSESSMENT_EXPIRED are LOW, saying
 * from when they count. A fresh organisation has no instant: advisory.
 */
export interface AssessmentEnforcement {
  enforced: boolean;
  from: Date | null;
}

export function assessmentEnforcementAt(enforceFrom: Date | null | undefined, at: Date): AssessmentEnforcement {
  const from = enforceFrom ?? null;
  return { enforced: from !== null && from.getTime() <= at.getTime(), from };
}

/** Like a policy's effective date, a past instant means "from now": turning enforcement on never rewrites what findings said before. */
export function enforcementStartsAt(requested: Date, now: Date): Date {
  return new Date(Math.max(requested.getTime(), now.getTime()));
}

/** The words an advisory check or finding carries; empty once enforced. */
export function advisoryNote(enforcement: AssessmentEnforcement): string {
  if (enforcement.enforced) return '';
  return enforcement.from ? ` (advisory: counts from ${enforcement.from.toISOString()})` : ' (advisory: enforcement of assessments is not turned on)';
}
