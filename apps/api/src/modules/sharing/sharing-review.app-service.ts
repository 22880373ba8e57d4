import { approvalProgress, blockingFailures, distinctApprovers } from '@canopy/domain';
import { SharingApprovalEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Notifier } from '../outbox';
import type { EffectivePolicyReader } from '../policies';
import { notifySharing } from './sharing-notifications';
import { type AssessmentCheckFactsIn, checkFactLoadersIn, sharingChecks } from './sharing.checks';
import { requireMayRevoke } from './sharing.access';
import type { DecideSharingInput } from './sharing.inputs';
import { checksFailed, optionalComment, requireArrangementId, requireExpectedVersion, requireReason } from './sharing.validation';
import { commitChange, findWithService, loadForChange, transition } from './sharing-change';

/**
 * The reviewing side: approve (each approval bumps the version; APPROVED
 * once requiredApprovals distinct officers approved), reject, revoke.
 * Errors in the order of DESIGN.md section 5, CHECKS_FAILED last.
 */
export class SharingReview {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
    private readonly notifier: Notifier,
    private readonly assessmentFactsIn: AssessmentCheckFactsIn,
  ) {}

  async approve(actor: Viewer, input: DecideSharingInput): Promise<SharingArrangementEntity> {
    const id = requireArrangementId(input.id);
    const expectedVersion = requireExpectedVersion(input.expectedVersion);
    const comment = optionalComment(input.comment);

    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const facts = checkFactLoadersIn(tx, now, this.policies, this.assessmentFactsIn);
      const approverIds = distinctApprovers((await facts.approvalsByArrangementId.load(id)).map((a) => a.approverId));
      const progress = approvalProgress(approverIds, actor.id, row.requiredApprovals);
      const status = transition(row, 'approve', progress);
      const checks = await sharingChecks(facts, { ...row, requestedById: row.requestedBy, asOf: null }, actor.id, now);
      const failed = blockingFailures(checks);
      if (failed.length) throw checksFailed(failed);
      const approved = await commitChange(tx, now, actor, row, {
        action: 'approved',
        set: status === 'APPROVED' ? { status, decidedAt: now, decidedBy: actor.id } : { status },
        alsoWrite: async (updated) => {
          await tx.insert(SharingApprovalEntity, { id: newId(), arrangementId: id, approverId: actor.id, arrangementVersion: updated.version, comment, at: now });
        },
        auditAfter: {
          approval: { approver: actor.email, comment },
          approvals: progress.approvalCount,
          checks: checks.map((c) => ({ name: c.name, passed: c.passed })),
        },
      });
      if (approved.status === 'APPROVED') await notifySharing(this.notifier, tx, now, approved, 'sharing.decided');
      return approved;
    });
  }

  async reject(actor: Viewer, input: DecideSharingInput): Promise<SharingArrangementEntity> {
    const id = requireArrangementId(input.id);
    const expectedVersion = requireExpectedVersion(input.expectedVersion);
    const reason = requireReason(input.comment, 'reject');
    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const status = transition(row, 'reject');
      const rejected = await commitChange(tx, now, actor, row, { action: 'rejected', set: { status, decisionReason: reason, decidedAt: now, decidedBy: actor.id } });
      await notifySharing(this.notifier, tx, now, rejected, 'sharing.decided');
      return rejected;
    });
  }

  /** Ends sharing: officers, and the owning team's engineers; a reason is required. */
  async revoke(actor: Viewer, input: DecideSharingInput): Promise<SharingArrangementEntity> {
    const found = await findWithService(this.db, input.id);
    if (found) requireMayRevoke(actor, found.service);
    const id = requireArrangementId(input.id);
    const expectedVersion = requireExpectedVersion(input.expectedVersion);
    const reason = requireReason(input.comment, 'revoke');
    if (!found) throw notFound('Sharing arrangement', id);
    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const status = transition(row, 'revoke');
      const revoked = await commitChange(tx, now, actor, row, { action: 'revoked', set: { status, decisionReason: reason, decidedAt: now, decidedBy: actor.id } });
      await notifySharing(this.notifier, tx, now, revoked, 'sharing.decided');
      return revoked;
    });
  }
}
