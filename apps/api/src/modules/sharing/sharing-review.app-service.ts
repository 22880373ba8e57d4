import { EntityManager } from 'typeorm';
import { ProcessorEntity, SharingApprovalEntity, SharingArrangementEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { currentInventories } from '../inventory/inventory.queries';
import { loadTaxonomy } from '../taxonomy/taxonomy.app-service';
import type { EffectivePolicyReader } from '../policies/effective-policy.port';
import { requireMayRevoke } from './sharing.access';
import { blockingFailuresOf, evaluateChecks } from './sharing.checks';
import type { DecideSharingInput } from './sharing.inputs';
import { commitChange } from './sharing.store';
import type { SharingCheck } from './sharing.types';
import { checksFailed, optionalComment, requireArrangementId, requireExpectedVersion, requireReason } from './sharing.validation';
import { findWithService, loadForChange, transition } from './sharing-change';

/**
 * The reviewing side: approve (each approval bumps the version; APPROVED
 * once requiredApprovals distinct officers approved), reject, revoke.
 * Errors in the order of DESIGN.md section 5, CHECKS_FAILED last.
 */
export class SharingReview {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
  ) {}

  async approve(actor: Viewer, input: DecideSharingInput): Promise<SharingArrangementEntity> {
    const id = requireArrangementId(input.id);
    const expectedVersion = requireExpectedVersion(input.expectedVersion);
    const comment = optionalComment(input.comment);

    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const approvals = await tx.find(SharingApprovalEntity, { where: { arrangementId: id } });
      const approverIds = [...new Set(approvals.map((a) => a.approverId))];
      const progress = { approvalCount: approverIds.filter((a) => a !== actor.id).length + 1, requiredApprovals: row.requiredApprovals };
      const status = transition(row, 'approve', progress);
      const checks = await this.checksAt(tx, row, approverIds, actor.id);
      const failed = blockingFailuresOf(checks);
      if (failed.length) throw checksFailed(failed);
      return commitChange(tx, now, actor, row, {
        action: 'approved',
        set: status === 'APPROVED' ? { status, decidedAt: now, decidedBy: actor.id } : { status },
        alsoWrite: async (updated, at) => {
          await tx.insert(SharingApprovalEntity, { id: newId(), arrangementId: id, approverId: actor.id, arrangementVersion: updated.version, comment, at });
        },
        auditAfter: {
          approval: { approver: actor.email, comment },
          approvals: progress.approvalCount,
          checks: checks.map((c) => ({ name: c.name, passed: c.passed })),
        },
      });
    });
  }

  async reject(actor: Viewer, input: DecideSharingInput): Promise<SharingArrangementEntity> {
    const id = requireArrangementId(input.id);
    const expectedVersion = requireExpectedVersion(input.expectedVersion);
    const reason = requireReason(input.comment, 'reject');
    return this.db.write(async (tx, now) => {
      const row = await loadForChange(tx, id, expectedVersion);
      const status = transition(row, 'reject');
      return commitChange(tx, now, actor, row, { action: 'rejected', set: { status, decisionReason: reason, decidedAt: now, decidedBy: actor.id } });
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
      return commitChange(tx, now, actor, row, { action: 'revoked', set: { status, decisionReason: reason, decidedAt: now, decidedBy: actor.id } });
    });
  }

  /** The checks as the approving officer sees them now, read inside the approval's transaction. */
  private async checksAt(tx: EntityManager, row: SharingArrangementEntity, approverIds: string[], approverId: string): Promise<SharingCheck[]> {
    const now = new Date();
    const processor = await tx.findOneByOrFail(ProcessorEntity, { id: row.processorId });
    const inventory = await currentInventories(tx, [row.serviceId]);
    const taxonomy = await loadTaxonomy(tx);
    const effective = (await this.policies.effectiveFor([row.serviceId], now)).get(row.serviceId);
    return evaluateChecks({
      arrangement: { dataCategories: row.dataCategories, legalBasis: row.legalBasis, requestedById: row.requestedBy, requiredApprovals: row.requiredApprovals },
      approverIds,
      processor,
      inventoryCategories: inventory.map((i) => i.dataCategory),
      effectiveClauses: effective?.clauses ?? [],
      approverId,
      taxonomy,
      now,
    });
  }
}
