import { type AssessmentAction, assessmentActionsFrom } from '../assessments/state-machine';
import type { StoredAssessmentStatus } from '../assessments/vocabulary';
import type { PolicyScope } from '../clauses/topics';
import type { SharingStatus } from '../shared/vocabulary';
import { type SharingAction, actionsFrom } from '../sharing/state-machine';
import { canEditContents } from '../sharing/state-machine';
import { type Actor, AUDIT_LOG_READERS, actsForTeam, hasRole, isPrivacyOfficer, isWriter, type Role } from './actor';

/**
 * What a viewer may do to one object (DESIGN.md sections 3 to 6). The API
 * shows these to the console; a control that would fail with FORBIDDEN or
 * INVALID_TRANSITION is never offered. Whether a permitted approval then
 * passes its checks is another question (`evaluateSharingChecks`).
 */

/** GLOBAL policies are the officers'; a SERVICE policy also its owning team's engineers (who may draft, not publish). */
export function mayDraftPolicy(actor: Actor, policy: { scope: PolicyScope; teamId: string | null }): boolean {
  return isPrivacyOfficer(actor) || (policy.scope === 'SERVICE' && actsForTeam(actor, policy.teamId));
}

export function mayPublishPolicy(actor: Actor): boolean {
  return isPrivacyOfficer(actor);
}

/** Only an OPEN conflict is resolved, by an officer. */
export function mayResolveConflict(actor: Actor, conflict: { status: string }): boolean {
  return conflict.status === 'OPEN' && isPrivacyOfficer(actor);
}

export function mayAcceptFindings(actor: Actor): boolean {
  return isPrivacyOfficer(actor);
}

/**
 * A service's details, inventory, security measures, sharing proposals and
 * its service policy's creation: privacy officers, and the owning team's
 * engineers (registering a service into a team is the same question).
 */
export function mayChangeService(actor: Actor, service: { teamId: string | null }): boolean {
  return isPrivacyOfficer(actor) || actsForTeam(actor, service.teamId);
}

/** Registering and editing processors (DPA renewals included): privacy officers. */
export function mayManageProcessors(actor: Pick<Actor, 'roles'>): boolean {
  return isPrivacyOfficer(actor);
}

/** Adding data categories and uses to the taxonomy: privacy officers. */
export function mayExtendTaxonomy(actor: Pick<Actor, 'roles'>): boolean {
  return isPrivacyOfficer(actor);
}

/** Users, teams and other users' API tokens: admins (anyone mints and revokes its own tokens). */
export function mayAdministerAccess(actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor, 'ADMIN');
}

/** The record of processing and the audit log as files: the audit log's readers. */
export const EXPORT_READERS: readonly Role[] = AUDIT_LOG_READERS;

export function mayExport(actor: Pick<Actor, 'roles'>): boolean {
  return EXPORT_READERS.some((role) => hasRole(actor, role));
}

export interface ArrangementParties {
  status: SharingStatus;
  /** The team owning the arrangement's service. */
  teamId: string;
  requestedById: string;
}

/**
 * The sharing transitions this actor may take now (DESIGN.md section 5):
 * submit, by an officer, the owning team or the requester; withdraw, by the
 * requester or the owning team; approve and reject, by officers; revoke, by
 * officers and the owning team. "The owning team" is its members in a
 * writing role (see {@link actsForTeam}).
 */
export function sharingActionsFor(actor: Actor, arrangement: ArrangementParties): SharingAction[] {
  const officer = isPrivacyOfficer(actor);
  const owningTeam = actsForTeam(actor, arrangement.teamId);
  const requester = isWriter(actor) && arrangement.requestedById === actor.id;
  const may: Record<SharingAction, boolean> = {
    submit: mayRequestFor(actor, arrangement),
    withdraw: owningTeam || requester,
    approve: officer,
    reject: officer,
    revoke: officer || owningTeam,
  };
  return actionsFrom(arrangement.status).filter((action) => may[action]);
}

/** A DPIA or TIA is drafted by the owning team's engineers or an officer (contract: `draftAssessment`). */
export function mayDraftAssessment(actor: Actor, service: { teamId: string }): boolean {
  return isPrivacyOfficer(actor) || actsForTeam(actor, service.teamId);
}

/**
 * The assessment transitions this actor may take now (DESIGN.md section 9):
 * submit, by its author, the owning team or an officer; approve and reject,
 * by officers. That an author may not approve is a check
 * (SEPARATION_OF_DUTIES), as for sharing: the control is offered and the
 * approval refused with CHECKS_FAILED.
 */
export function assessmentActionsFor(actor: Actor, assessment: { status: StoredAssessmentStatus; teamId: string; authorId: string }): AssessmentAction[] {
  const officer = isPrivacyOfficer(actor);
  const may: Record<AssessmentAction, boolean> = {
    submit: officer || actsForTeam(actor, assessment.teamId) || (isWriter(actor) && assessment.authorId === actor.id),
    approve: officer,
    reject: officer,
  };
  return assessmentActionsFrom(assessment.status).filter((action) => may[action]);
}

/** Proposing, changing a draft and submitting: an officer, the owning team or the requester. */
function mayRequestFor(actor: Actor, arrangement: ArrangementParties): boolean {
  return isPrivacyOfficer(actor) || actsForTeam(actor, arrangement.teamId) || (isWriter(actor) && arrangement.requestedById === actor.id);
}

/** Changing an arrangement's categories, purposes or legal basis: while DRAFT, by those who may submit it. */
export function mayEditSharing(actor: Actor, arrangement: ArrangementParties): boolean {
  return canEditContents(arrangement.status) && mayRequestFor(actor, arrangement);
}
