import { Entity, Column } from 'typeorm';
import { ByteColumn, IdColumn, IndexedBy, InstantColumn, RefColumn, RelationOver } from './columns';
import { ServiceEntity } from './service.entity';
import { SharingArrangementEntity } from './sharing-arrangement.entity';
import { UserEntity } from './user.entity';

/** One answer of an assessment, by question id (the question's text is the questionnaire version's). */
export interface AssessmentAnswerRecord {
  questionId: string;
  answer: string;
}

/** One risk of an assessment; levels are LOW, MEDIUM or HIGH. */
export interface AssessmentRiskRecord {
  description: string;
  likelihood: string;
  severity: string;
  mitigation: string;
  residual: string;
}

/**
 * The columns an assessment and each of its revisions share: the subject
 * (service, and for a TIA the arrangement), kind, questionnaire version and
 * author never change; the rest changes with each transition.
 */
export abstract class AssessmentFields {
  @RefColumn('service_id') serviceId: string;
  /** TIA only. */
  @RefColumn('arrangement_id', { nullable: true }) arrangementId: string | null;
  /** DPIA or TIA. */
  @ByteColumn(4) kind: string;
  @Column('integer', { name: 'questionnaire_version' }) questionnaireVersion: number;
  @RefColumn('author_id') authorId: string;
  /** DRAFT, IN_REVIEW, APPROVED or REJECTED (EXPIRED and STALE are derived, never stored). */
  @Column('varchar', { length: 20 }) status: string;
  @Column('simple-json') answers: AssessmentAnswerRecord[];
  @Column('simple-json') risks: AssessmentRiskRecord[];
  /** What was assessed, recorded at submission and again at approval: the inventory's categories (DPIA) or the arrangement's (TIA). */
  @Column('simple-json', { name: 'assessed_categories' }) assessedCategories: string[];
  /** TIA: the domain's tiaContentFingerprint of the arrangement as assessed. */
  @Column('text', { name: 'assessed_content', nullable: true }) assessedContent: string | null;
  @InstantColumn('review_due_at', { nullable: true }) reviewDueAt: Date | null;
  /** The prior consultation of the supervisory authority (GDPR Art. 36), all three or none. */
  @Column('varchar', { length: 200, name: 'consultation_authority', nullable: true }) consultationAuthority: string | null;
  @InstantColumn('consulted_at', { nullable: true }) consultedAt: Date | null;
  @Column('text', { name: 'consultation_outcome', nullable: true }) consultationOutcome: string | null;
  @RefColumn('decided_by', { nullable: true }) decidedBy: string | null;
  @Column('text', { name: 'decision_comment', nullable: true }) decisionComment: string | null;
  @InstantColumn('submitted_at', { nullable: true }) submittedAt: Date | null;
  @InstantColumn('decided_at', { nullable: true }) decidedAt: Date | null;
  @Column('integer') version: number;
}

/**
 * The current state of an assessment (DESIGN.md section 9). Every change
 * bumps `version` through a conditional UPDATE and writes a row to
 * assessment_revisions, which keeps the history.
 */
@Entity('assessments')
@IndexedBy('assessments', { service: ['serviceId', 'kind'], arrangement: ['arrangementId'], status: ['status'], author: ['authorId'], decided_by: ['decidedBy'] })
export class AssessmentEntity extends AssessmentFields {
  @IdColumn() id: string;
  @InstantColumn('created_at') createdAt: Date;
  @InstantColumn('updated_at') updatedAt: Date;

  @RelationOver(() => ServiceEntity, 'service_id', 'FK_assessments_service') service?: ServiceEntity;
  @RelationOver(() => SharingArrangementEntity, 'arrangement_id', 'FK_assessments_arrangement', { nullable: true }) arrangement?: SharingArrangementEntity | null;
  @RelationOver(() => UserEntity, 'author_id', 'FK_assessments_author') author?: UserEntity;
  @RelationOver(() => UserEntity, 'decided_by', 'FK_assessments_decided_by', { nullable: true }) decider?: UserEntity | null;
}

/**
 * One version of an assessment, valid from `valid_from` until `valid_to`
 * (NULL = current): the assessments of any instant are the revisions valid
 * then. Written in the same transaction as the change; only `valid_to` is
 * ever set afterwards.
 */
@Entity('assessment_revisions')
@IndexedBy(
  'assessment_revisions',
  { service_valid_from: ['serviceId', 'validFrom'], arrangement: ['arrangementId'], author: ['authorId'], decided_by: ['decidedBy'], changed_by: ['changedBy'], valid_to: ['validTo'] },
  { version: ['assessmentId', 'version'] },
)
export class AssessmentRevisionEntity extends AssessmentFields {
  @IdColumn() id: string;
  @RefColumn('assessment_id') assessmentId: string;
  /** What made this version: drafted, submitted, approved, rejected, consulted. */
  @Column('varchar', { length: 20 }) action: string;
  @RefColumn('changed_by') changedBy: string;
  @InstantColumn('valid_from') validFrom: Date;
  @InstantColumn('valid_to', { nullable: true }) validTo: Date | null;

  @RelationOver(() => AssessmentEntity, 'assessment_id', 'FK_assessment_revisions_assessment') assessment?: AssessmentEntity;
  @RelationOver(() => ServiceEntity, 'service_id', 'FK_assessment_revisions_service') service?: ServiceEntity;
  @RelationOver(() => SharingArrangementEntity, 'arrangement_id', 'FK_assessment_revisions_arrangement', { nullable: true }) arrangement?: SharingArrangementEntity | null;
  @RelationOver(() => UserEntity, 'author_id', 'FK_assessment_revisions_author') author?: UserEntity;
  @RelationOver(() => UserEntity, 'decided_by', 'FK_assessment_revisions_decided_by', { nullable: true }) decider?: UserEntity | null;
  @RelationOver(() => UserEntity, 'changed_by', 'FK_assessment_revisions_changed_by') changer?: UserEntity;
}

/** What the audit log keeps of an assessment (service by key). */
export const assessmentSnapshot = (row: AssessmentFields & { id: string }, serviceKey: string) => ({
  id: row.id,
  kind: row.kind,
  service: serviceKey,
  arrangement: row.arrangementId,
  status: row.status,
  questionnaireVersion: row.questionnaireVersion,
  answers: row.answers,
  risks: row.risks,
  assessedCategories: row.assessedCategories,
  reviewDueAt: row.reviewDueAt?.toISOString() ?? null,
  priorConsultation: row.consultationAuthority
    ? { authority: row.consultationAuthority, consultedAt: row.consultedAt?.toISOString() ?? null, outcome: row.consultationOutcome }
    : null,
  decisionComment: row.decisionComment,
  version: row.version,
});
