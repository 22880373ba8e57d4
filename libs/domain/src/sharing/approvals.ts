import type { ApprovalProgress } from './state-machine';

/** The officers who approved an arrangement, each once, in the order they first approved. */
export function distinctApprovers(approverIds: readonly string[]): string[] {
  return [...new Set(approverIds)];
}

/**
 * Where an approval by `approverId` brings the arrangement: distinct
 * officers' approvals, this one included (an officer approving again counts
 * once), against the approvals it needs. SEPARATION_OF_DUTIES refuses the
 * repeat; this only keeps the count honest.
 */
export function approvalProgress(approverIds: readonly string[], approverId: string, requiredApprovals: number): ApprovalProgress {
  const others = distinctApprovers(approverIds).filter((id) => id !== approverId);
  return { approvalCount: others.length + 1, requiredApprovals };
}
