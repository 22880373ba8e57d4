import { can, type ViewerLike } from '../../lib/roles';

export type SharingAction = 'approve' | 'reject' | 'revoke' | 'submit' | 'withdraw';

/** The transitions of DESIGN.md section 5 this viewer may take from this status. */
export function availableSharingActions(
  viewer: (ViewerLike & { email: string }) | null,
  arrangement: { status: string; service: { team: { key: string } }; requestedBy: { email: string } },
): SharingAction[] {
  const team = arrangement.service.team.key;
  const requester = can.manageSharingRequest(viewer, team, arrangement.requestedBy.email, viewer?.email);
  switch (arrangement.status) {
    case 'DRAFT':
      return requester ? ['submit', 'withdraw'] : [];
    case 'PENDING_REVIEW':
      return [...(can.approveSharing(viewer) ? (['approve', 'reject'] as const) : []), ...(requester ? (['withdraw'] as const) : [])];
    case 'APPROVED':
      return can.revokeSharing(viewer, team) ? ['revoke'] : [];
    default:
      return [];
  }
}

/** SECOND_APPROVAL informs and never blocks; every other failing check does (the API says so in `blocking`). */
export function blockingFailures<T extends { name: string; passed: boolean; blocking?: boolean }>(checks: readonly T[]): T[] {
  return checks.filter((c) => !c.passed && (c.blocking ?? c.name !== 'SECOND_APPROVAL'));
}

export function approvalProgress(approvals: number, required: number): string {
  return `${approvals} of ${required}`;
}
