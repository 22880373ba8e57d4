import {
  type AssessmentAction as DomainAction,
  assessmentDraftErrors,
  assessmentQuestionnaire,
  assessmentTransition,
  type AssessmentDraftInput,
  type AssessmentQuestionnaire,
  type AssessmentUnderReview,
  canEditAssessment,
  canRecordPriorConsultation,
  priorConsultationErrors,
  type RiskLevel,
  type StoredAssessmentStatus,
} from '@canopy/domain';
import { AssessmentEntity, ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import { belongsTo, isOfficer, type Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, forbidden, invalidTransition, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { optionalText } from '../../common/validation';
import {
  commitAssessmentChange,
  insertAssessment,
  loadAssessmentForChange,
  requireTransition,
  snapshotSubject,
} from './assessment-change';
import type { AssessmentAnswerInput, AssessmentRiskInput, DecideAssessmentInput, DraftAssessmentInput, SaveAssessmentDraftInput } from './assessment.inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_COMMENT = 2000;

function requireUuid(id: string, argument: string, what: string): string {
  if (!UUID.test(String(id))) throw badInput(`${argument} "${String(id).slice(0, 40)}" is not ${what} id.`, { argument });
  return String(id).toLowerCase();
}

function requireVersion(version: number, argument = 'expectedVersion'): number {
  if (!Number.isInteger(version) || version < 1) throw badInput(`${argument} must be a version number (1 or more); got ${version}.`, { argument });
  return version;
}

/** A draft's content as given, trimmed; blank answers are kept here so the domain's rule sees every one given. */
function draftContent(input: { answers: AssessmentAnswerInput[]; risks: AssessmentRiskInput[]; reviewDueAt?: Date | null }) {
  return {
    answers: input.answers.map((a) => ({ questionId: a.questionId, answer: a.answer.trim() })),
    risks: input.risks.map((r) => ({ ...r, description: r.description.trim(), mitigation: r.mitigation.trim() })),
    reviewDueAt: input.reviewDueAt ?? null,
  };
}

/** The domain's draft rule (BAD_USER_INPUT naming the first bad argument); what is stored leaves blank answers out. */
function requireValidDraft(content: ReturnType<typeof draftContent>, questionnaire: AssessmentQuestionnaire, now: Date, verb: string) {
  const errors = assessmentDraftErrors(content satisfies AssessmentDraftInput, questionnaire, now);
  if (errors.length) throw badInput(`The assessment cannot be ${verb}: ${errors.map((e) => `${e.argument}: ${e.message}`).join('; ')}.`, { argument: errors[0].argument });
  return { answers: content.answers.filter((a) => a.answer !== ''), risks: content.risks, reviewDueAt: content.reviewDueAt };
}

/** Drafting and submitting: an officer, an engineer of the owning team, or (submit) the author. */
function requireMayAuthor(actor: Viewer, service: ServiceEntity, row?: AssessmentEntity): void {
  if (isOfficer(actor) || belongsTo(actor, service.teamId) || (row && row.authorId === actor.id)) return;
  throw forbidden(`Only a privacy officer or an engineer of the team owning "${service.key}" may draft or submit its assessments.`);
}

/** The facts of a stored assessment the domain's state machine reads. */
const underReview = (row: AssessmentEntity): AssessmentUnderReview => ({
  kind: row.kind as AssessmentUnderReview['kind'],
  status: row.status as StoredAssessmentStatus,
  authorId: row.authorId,
  questionnaireVersion: row.questionnaireVersion,
  answers: row.answers,
  risks: row.risks.map((r) => ({ residual: r.residual as RiskLevel })),
  reviewDueAt: row.reviewDueAt,
  priorConsultation: row.consultationAuthority && row.consultedAt ? { authority: row.consultationAuthority, consultedAt: row.consultedAt, outcome: row.consultationOutcome ?? '' } : null,
});

/**
 * The assessments' workflow (DESIGN.md section 9): draft (DRAFT, on the
 * latest questionnaire of the kind), submit (DRAFT -> IN_REVIEW, every
 * question answered, a review date), approve or reject (IN_REVIEW ->
 * APPROVED | REJECTED, officers; the author may not approve; a HIGH
 * residual risk needs a recorded prior consultation), and recording that
 * consultation. Each records what was assessed at submission and approval,
 * bumps the version, keeps a revision and is audited. Errors in the order of
 * DESIGN.md section 5: FORBIDDEN, BAD_USER_INPUT, NOT_FOUND,
 * VERSION_CONFLICT, INVALID_TRANSITION, CHECKS_FAILED; nothing changes.
 */
export class AssessmentWorkflow {
  constructor(private readonly db: Database) {}

  async draft(actor: Viewer, input: DraftAssessmentInput): Promise<AssessmentEntity> {
    const service = await this.db.manager.findOneBy(ServiceEntity, { key: String(input.serviceKey).slice(0, 63) });
    if (service) requireMayAuthor(actor, service);
    const arrangementId = this.requireSubject(input);
    const questionnaire = assessmentQuestionnaire(input.kind);
    const content = draftContent(input);
    return this.db.write(async (tx, now) => {
      const { answers, risks, reviewDueAt } = requireValidDraft(content, questionnaire, now, 'drafted');
      if (!service) throw notFound('Service', input.serviceKey);
      if (arrangementId) {
        const arrangement = await tx.findOneBy(SharingArrangementEntity, { id: arrangementId });
        if (!arrangement) throw notFound('Sharing arrangement', arrangementId);
        if (arrangement.serviceId !== service.id) {
          throw badInput(`Sharing arrangement ${arrangementId} is not one of service "${service.key}"'s.`, { argument: 'input.sharingArrangementId' });
        }
      }
      const row = tx.create(AssessmentEntity, {
        id: newId(),
        serviceId: service.id,
        arrangementId,
        kind: input.kind,
        questionnaireVersion: questionnaire.version,
        authorId: actor.id,
        status: 'DRAFT',
        answers,
        risks,
        assessedCategories: [],
        assessedContent: null,
        reviewDueAt,
        consultationAuthority: null,
        consultedAt: null,
        consultationOutcome: null,
        decidedBy: null,
        decisionComment: null,
        submittedAt: null,
        decidedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      return insertAssessment(tx, now, actor, row);
    });
  }

  /**
   * Replaces a DRAFT's answers, risks and review date (same authorization
   * and rule as drafting, on the questionnaire version it was drafted on).
   * The rule's questionnaire-independent checks (risks, review date) come
   * before NOT_FOUND; answers of an unknown assessment cannot be checked.
   */
  async saveDraft(actor: Viewer, input: SaveAssessmentDraftInput): Promise<AssessmentEntity> {
    const found = UUID.test(String(input.id)) ? await this.db.manager.findOneBy(AssessmentEntity, { id: String(input.id).toLowerCase() }) : null;
    if (found) requireMayAuthor(actor, await this.db.manager.findOneByOrFail(ServiceEntity, { id: found.serviceId }));
    const key = requireUuid(input.id, 'input.id', 'an assessment');
    const version = requireVersion(input.expectedVersion, 'input.expectedVersion');
    const content = draftContent(input);
    return this.db.write(async (tx, now) => {
      const current = await tx.findOneBy(AssessmentEntity, { id: key });
      const questionnaire = assessmentQuestionnaire((current?.kind ?? 'DPIA') as AssessmentUnderReview['kind'], current?.questionnaireVersion);
      const set = requireValidDraft(current ? content : { ...content, answers: [] }, questionnaire, now, 'saved');
      const row = await loadAssessmentForChange(tx, key, version);
      if (!canEditAssessment(row.status as StoredAssessmentStatus)) throw invalidTransition(`Assessment ${row.id}: only a DRAFT can be saved as a draft; it is ${row.status}.`);
      return commitAssessmentChange(tx, now, actor, row, 'redrafted', set);
    });
  }

  /** DRAFT -> IN_REVIEW: every question answered and a review date within 12 months; records what is assessed. */
  async submit(actor: Viewer, id: string, expectedVersion: number): Promise<AssessmentEntity> {
    const found = UUID.test(String(id)) ? await this.db.manager.findOneBy(AssessmentEntity, { id: String(id).toLowerCase() }) : null;
    if (found) requireMayAuthor(actor, await this.db.manager.findOneByOrFail(ServiceEntity, { id: found.serviceId }), found);
    const key = requireUuid(id, 'id', 'an assessment');
    const version = requireVersion(expectedVersion);
    return this.db.write(async (tx, now) => {
      const row = await loadAssessmentForChange(tx, key, version);
      const result = this.decide(row, 'submit', null, now);
      return commitAssessmentChange(tx, now, actor, row, 'submitted', { status: result.status, submittedAt: now, ...(await snapshotSubject(tx, row)) });
    });
  }

  /** IN_REVIEW -> APPROVED, by an officer who did not write it; records what is assessed as approved. */
  async approve(actor: Viewer, input: DecideAssessmentInput): Promise<AssessmentEntity> {
    const key = requireUuid(input.id, 'input.id', 'an assessment');
    const version = requireVersion(input.expectedVersion);
    const comment = optionalText(input.comment, 'input.comment', MAX_COMMENT);
    return this.db.write(async (tx, now) => {
      const row = await loadAssessmentForChange(tx, key, version);
      const result = this.decide(row, 'approve', actor.id, now);
      return commitAssessmentChange(
        tx,
        now,
        actor,
        row,
        'approved',
        { status: result.status, decidedAt: now, decidedBy: actor.id, decisionComment: comment, ...(await snapshotSubject(tx, row)) },
        { approval: { approver: actor.email, comment } },
      );
    });
  }

  /** IN_REVIEW -> REJECTED, by an officer, with a comment saying why. */
  async reject(actor: Viewer, input: DecideAssessmentInput): Promise<AssessmentEntity> {
    const key = requireUuid(input.id, 'input.id', 'an assessment');
    const version = requireVersion(input.expectedVersion);
    const comment = optionalText(input.comment, 'input.comment', MAX_COMMENT);
    if (!comment) throw badInput('A rejection needs a comment saying why: give a non-blank input.comment.', { argument: 'input.comment' });
    return this.db.write(async (tx, now) => {
      const row = await loadAssessmentForChange(tx, key, version);
      const result = this.decide(row, 'reject', actor.id, now, comment);
      return commitAssessmentChange(tx, now, actor, row, 'rejected', { status: result.status, decidedAt: now, decidedBy: actor.id, decisionComment: comment });
    });
  }

  /** Records the prior consultation of the supervisory authority (GDPR Art. 36) before the decision (DRAFT or IN_REVIEW). */
  async recordPriorConsultation(actor: Viewer, id: string, consultation: { authority: string; consultedAt: Date; outcome: string }): Promise<AssessmentEntity> {
    const key = requireUuid(id, 'id', 'an assessment');
    const authority = optionalText(consultation.authority, 'authority', 200) ?? '';
    const outcome = optionalText(consultation.outcome, 'outcome', MAX_COMMENT) ?? '';
    return this.db.write(async (tx, now) => {
      const errors = priorConsultationErrors({ authority, outcome, consultedAt: consultation.consultedAt }, now);
      if (errors.length) throw badInput(`The prior consultation cannot be recorded: ${errors.map((e) => `${e.argument}: ${e.message}`).join('; ')}.`, { argument: errors[0].argument });
      const row = await loadAssessmentForChange(tx, key, null);
      if (!canRecordPriorConsultation(row.status as StoredAssessmentStatus)) {
        throw invalidTransition(`Assessment ${row.id}: a prior consultation is recorded before the decision; it is ${row.status}.`);
      }
      return commitAssessmentChange(tx, now, actor, row, 'consulted', { consultationAuthority: authority, consultedAt: consultation.consultedAt, consultationOutcome: outcome });
    });
  }

  /** A DPIA names no arrangement; a TIA names one (BAD_USER_INPUT otherwise). */
  private requireSubject(input: DraftAssessmentInput): string | null {
    const given = input.sharingArrangementId ?? null;
    if (input.kind === 'DPIA') {
      if (given !== null) throw badInput('A DPIA assesses a service: leave input.sharingArrangementId out.', { argument: 'input.sharingArrangementId' });
      return null;
    }
    if (given === null) throw badInput('A TIA assesses a sharing arrangement: give input.sharingArrangementId.', { argument: 'input.sharingArrangementId' });
    return requireUuid(given, 'input.sharingArrangementId', 'a sharing arrangement');
  }

  private decide(row: AssessmentEntity, action: DomainAction, approverId: string | null, now: Date, comment: string | null = null) {
    const result = assessmentTransition({ action, assessment: underReview(row), approverId, now, comment });
    requireTransition(row.id, result);
    return result;
  }
}
