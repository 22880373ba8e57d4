import type { SharingStatus } from '../shared/vocabulary';

export const SHARING_ACTIONS = ['submit', 'approve', 'reject', 'revoke', 'withdraw'] as const;
export type SharingAction = (typeof SHARING_ACTIONS)[number];

/** Distinct approvals including the one being made, and how many are needed. */
export interface ApprovalProgress {
  approvalCount: number;
  requiredApprovals: number;
}

export type TransitionResult =
  | { ok: true; status: SharingStatus }
  | { ok: false; code: 'INVALID_TRANSITION'; message: string };

export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly from: SharingStatus,
    readonly action: SharingAction,
  ) {
    super(`cannot ${action} a sharing arrangement that is ${from}`);
    this.name = 'InvalidTransitionError';
  }
}

const ALLOWED_FROM: Readonly<Record<SharingAction, readonly SharingStatus[]>> = {
  submit: ['DRAFT'],
  approve: ['PENDING_REVIEW'],
  reject: ['PENDING_REVIEW'],
  revoke: ['APPROVED'],
  withdraw: ['DRAFT', 'PENDING_REVIEW'],
};

/**
 * The sharing state machine (DESIGN.md section 5):
 * DRAFT -submit-> PENDING_REVIEW -approve xN-> APPROVED -revoke-> REVOKED;
 * PENDING_REVIEW -reject-> REJECTED; DRAFT|PENDING_REVIEW -withdraw-> WITHDRAWN.
 * An approval short of `requiredApprovals` keeps PENDING_REVIEW.
 */
export function nextStatus(status: SharingStatus, action: 'approve', approval: ApprovalProgress): TransitionResult;
export function nextStatus(status: SharingStatus, action: Exclude<SharingAction, 'approve'>): TransitionResult;
export function nextStatus(status: SharingStatus, action: SharingAction, approval?: ApprovalProgress): TransitionResult;
export function nextStatus(status: SharingStatus, action: SharingAction, approval?: ApprovalProgress): TransitionResult {
  const from = ALLOWED_FROM[action];
  if (!from || !from.includes(status)) {
    return { ok: false, code: 'INVALID_TRANSITION', message: new InvalidTransitionError(status, action).message };
  }
  switch (action) {
    case 'submit':
      return { ok: true, status: 'PENDING_REVIEW' };
    case 'approve':
      if (!approval) throw new TypeError('nextStatus(approve) needs the approval progress');
      return { ok: true, status: approval.approvalCount >= approval.requiredApprovals ? 'APPROVED' : 'PENDING_REVIEW' };
    case 'reject':
      return { ok: true, status: 'REJECTED' };
    case 'revoke':
      return { ok: true, status: 'REVOKED' };
    case 'withdraw':
      return { ok: true, status: 'WITHDRAWN' };
  }
}

/** The actions the state machine allows from `status`, in {@link SHARING_ACTIONS} order (whoever takes them). */
export function actionsFrom(status: SharingStatus): SharingAction[] {
  return SHARING_ACTIONS.filter((action) => ALLOWED_FROM[action].includes(status));
}

/** Like {@link nextStatus}, throwing {@link InvalidTransitionError} instead of returning it. */
export function assertNextStatus(status: SharingStatus, action: SharingAction, approval?: ApprovalProgress): SharingStatus {
  const result = nextStatus(status, action, approval);
  if (!result.ok) throw new InvalidTransitionError(status, action);
  return result.status;
}

/** Categories, purposes and legal basis change only in DRAFT. */
export function canEditContents(status: SharingStatus): boolean {
  return status === 'DRAFT';
}

/** Sharing happens only while APPROVED. */
export function isSharingActive(status: SharingStatus): boolean {
  return status === 'APPROVED';
}
