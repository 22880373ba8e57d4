import { answerSheet, assessmentQuestionnaire, type AssessmentRecord, type AssessmentKind as Kind, type StoredAssessmentStatus } from '@canopy/domain';
import type { AssessmentEntity, AssessmentFields, AssessmentRevisionEntity } from '@canopy/persistence';
import { fromRow } from '../../common/from-row';
import { Assessment, AssessmentRisk, type RiskLevel } from './assessment.types';

const SHARED = ['serviceId', 'arrangementId', 'questionnaireVersion', 'authorId', 'assessedCategories', 'assessedContent', 'reviewDueAt', 'decisionComment', 'submittedAt', 'decidedAt', 'version'] as const;

/** An assessment or one of its revisions; `extra` gives what only one of them holds under its own name. */
function fromAssessmentRow(row: AssessmentFields, extra: Pick<Assessment, 'id' | 'createdAt' | 'asOf'>): Assessment {
  const kind = row.kind as Kind;
  return fromRow(Assessment, row, SHARED, {
    kind,
    storedStatus: row.status as StoredAssessmentStatus,
    decidedById: row.decidedBy,
    answers: answerSheet(assessmentQuestionnaire(kind, row.questionnaireVersion), row.answers),
    risks: row.risks.map((r) => Object.assign(new AssessmentRisk(), { ...r, likelihood: r.likelihood as RiskLevel, severity: r.severity as RiskLevel, residual: r.residual as RiskLevel })),
    priorConsultation:
      row.consultationAuthority && row.consultedAt ? { authority: row.consultationAuthority, consultedAt: row.consultedAt, outcome: row.consultationOutcome ?? '' } : null,
    ...extra,
  });
}

export const toAssessment = (row: AssessmentEntity): Assessment => fromAssessmentRow(row, { id: row.id, createdAt: row.createdAt, asOf: null });

/** The assessment as it stood at `at`, from the revision valid then. */
export const revisionToAssessment = (revision: AssessmentRevisionEntity, origin: Pick<AssessmentEntity, 'createdAt'>, at: Date): Assessment =>
  fromAssessmentRow(revision, { id: revision.assessmentId, createdAt: origin.createdAt, asOf: at });

/** What the domain's derived status reads of an assessment. */
export const assessmentRecord = (a: Pick<Assessment, 'kind' | 'storedStatus' | 'decidedAt' | 'reviewDueAt' | 'assessedCategories' | 'assessedContent'>): AssessmentRecord => ({
  kind: a.kind,
  status: a.storedStatus,
  approvedAt: a.storedStatus === 'APPROVED' ? a.decidedAt : null,
  reviewDueAt: a.reviewDueAt,
  assessedCategories: a.assessedCategories,
  assessedContent: a.assessedContent,
});
