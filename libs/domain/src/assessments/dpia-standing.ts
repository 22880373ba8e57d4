import { type AssessedSubject, type AssessmentRecord, assessmentStandingAt, coveringAssessment, latestApproved } from './status-at';
import type { AssessmentStatus } from './vocabulary';

/** How a service's DPIAs stand, as one status: NONE when it has none. */
export const SERVICE_DPIA_STATUSES = ['NONE', 'DRAFT', 'IN_REVIEW', 'APPROVED', 'EXPIRED', 'STALE', 'REJECTED'] as const;
export type ServiceDpiaStatus = (typeof SERVICE_DPIA_STATUSES)[number];

export interface ServiceDpiaStanding<T extends AssessmentRecord> {
  status: ServiceDpiaStatus;
  /** The DPIA the status is of; null when NONE. */
  dpia: T | null;
  /** Why EXPIRED or STALE; null otherwise. */
  reason: string | null;
}

/**
 * The standing of a service's DPIA at `at` (DESIGN.md section 9), for the
 * record of processing. `dpias` are the service's DPIAs as they stood at
 * `at`, oldest first; `subject` the service then.
 *
 * Decision: the DPIA that speaks for the service is the one covering it
 * (APPROVED) when one does; otherwise the latest approved one, EXPIRED or
 * STALE (a lapsed approval is what the service stands on until a newer DPIA
 * is approved, whatever drafts are under way); otherwise the most recent
 * DPIA (DRAFT, IN_REVIEW or REJECTED); NONE when it has none.
 */
export function serviceDpiaStandingAt<T extends AssessmentRecord>(
  dpias: readonly T[],
  at: Date,
  subject: Extract<AssessedSubject, { kind: 'DPIA' }>,
): ServiceDpiaStanding<T> {
  const dpia = coveringAssessment(dpias, at, subject) ?? latestApproved(dpias) ?? dpias[dpias.length - 1] ?? null;
  if (!dpia) return { status: 'NONE', dpia: null, reason: null };
  const standing: { status: AssessmentStatus; reason: string | null } = assessmentStandingAt(dpia, at, subject);
  return { status: standing.status, dpia, reason: standing.reason };
}
