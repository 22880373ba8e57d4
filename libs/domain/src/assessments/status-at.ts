import { coversKey } from '../keys/taxonomy-key';
import type { Taxonomy } from '../taxonomy/taxonomy';
import type { AssessmentKind, AssessmentStatus, StoredAssessmentStatus } from './vocabulary';

/** What the derived status of an assessment reads, as of the instant asked about. */
export interface AssessmentRecord {
  kind: AssessmentKind;
  status: StoredAssessmentStatus;
  approvedAt: Date | null;
  reviewDueAt: Date | null;
  /** DPIA: the inventory categories it assessed. */
  assessedCategories: readonly string[];
  /** TIA: `tiaContentFingerprint` of the arrangement it assessed. */
  assessedContent: string | null;
}

/** What the assessed subject looks like at the instant asked about. */
export type AssessedSubject =
  | { kind: 'DPIA'; collectedCategories: readonly string[]; taxonomy: Taxonomy }
  | { kind: 'TIA'; contentFingerprint: string };

export interface AssessmentStanding {
  status: AssessmentStatus;
  /** Why EXPIRED or STALE; null otherwise. */
  reason: string | null;
}

/**
 * Sensitive categories the service collects that a DPIA did not assess. A
 * category counts as assessed when an assessed key covers it (assessing
 * `device.location` covers `device.location.precise`).
 */
export function unassessedSensitiveCategories(assessed: readonly string[], collected: readonly string[], taxonomy: Taxonomy): string[] {
  return [...new Set(collected)].filter((c) => taxonomy.isSensitive(c) && !assessed.some((a) => coversKey(a, c))).sort();
}

/**
 * The status of an assessment at `at` (DESIGN.md section 9), derived from
 * time and facts, never written by a job. The record and the subject are
 * those of `at`. An APPROVED assessment is EXPIRED from its `reviewDueAt`
 * on, and otherwise STALE when the subject changed: a DPIA when the service
 * collects a sensitive category it did not assess, a TIA when the
 * arrangement's content fingerprint differs from the assessed one. EXPIRED
 * wins over STALE: both need a new assessment, and expiry is the plainer
 * reason. Without `subject` staleness is not judged. An approval recorded
 * after `at` is not one yet (IN_REVIEW then).
 */
export function assessmentStandingAt(assessment: AssessmentRecord, at: Date, subject?: AssessedSubject): AssessmentStanding {
  if (assessment.status !== 'APPROVED') return { status: assessment.status, reason: null };
  if (assessment.approvedAt && assessment.approvedAt.getTime() > at.getTime()) return { status: 'IN_REVIEW', reason: null };
  if (assessment.reviewDueAt && assessment.reviewDueAt.getTime() <= at.getTime()) {
    return { status: 'EXPIRED', reason: `its review was due on ${assessment.reviewDueAt.toISOString()}` };
  }
  const stale = subject ? staleReason(assessment, subject) : null;
  return stale ? { status: 'STALE', reason: stale } : { status: 'APPROVED', reason: null };
}

export function assessmentStatusAt(assessment: AssessmentRecord, at: Date, subject?: AssessedSubject): AssessmentStatus {
  return assessmentStandingAt(assessment, at, subject).status;
}

function staleReason(assessment: AssessmentRecord, subject: AssessedSubject): string | null {
  if (subject.kind !== assessment.kind) throw new TypeError(`a ${assessment.kind} is judged against a ${assessment.kind} subject, not a ${subject.kind}`);
  if (subject.kind === 'DPIA') {
    const missing = unassessedSensitiveCategories(assessment.assessedCategories, subject.collectedCategories, subject.taxonomy);
    return missing.length ? `the service now collects sensitive ${missing.join(', ')}, which it did not assess` : null;
  }
  return subject.contentFingerprint === assessment.assessedContent ? null : "the arrangement's content changed since it was assessed";
}

/**
 * The assessment that covers its subject at `at` (status APPROVED there),
 * the most recently approved one when several do; null when none does.
 */
export function coveringAssessment<T extends AssessmentRecord>(assessments: readonly T[], at: Date, subject?: AssessedSubject): T | null {
  return latestApproved(assessments.filter((a) => assessmentStatusAt(a, at, subject) === 'APPROVED'));
}

/** The most recently approved of `assessments` (APPROVED when stored), null when none was approved. */
export function latestApproved<T extends AssessmentRecord>(assessments: readonly T[]): T | null {
  let found: T | null = null;
  for (const a of assessments) {
    if (a.status !== 'APPROVED') continue;
    if (!found || (a.approvedAt?.getTime() ?? 0) >= (found.approvedAt?.getTime() ?? 0)) found = a;
  }
  return found;
}
