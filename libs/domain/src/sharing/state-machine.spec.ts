import { SHARING_STATUSES, type SharingStatus } from '../shared/vocabulary';
import { InvalidTransitionError, type SharingAction, actionsFrom, assertNextStatus, canEditContents, isSharingActive, nextStatus } from './state-machine';

describe('nextStatus', () => {
  it('should submit a draft for review', () => {
    expect(nextStatus('DRAFT', 'submit')).toEqual({ ok: true, status: 'PENDING_REVIEW' });
  });

  it('should approve once the required approvals are reached', () => {
    expect(nextStatus('PENDING_REVIEW', 'approve', { approvalCount: 1, requiredApprovals: 1 })).toEqual({ ok: true, status: 'APPROVED' });
    expect(nextStatus('PENDING_REVIEW', 'approve', { approvalCount: 1, requiredApprovals: 2 })).toEqual({ ok: true, status: 'PENDING_REVIEW' });
    expect(nextStatus('PENDING_REVIEW', 'approve', { approvalCount: 2, requiredApprovals: 2 })).toEqual({ ok: true, status: 'APPROVED' });
  });

  it('should reject, revoke and withdraw', () => {
    expect(nextStatus('PENDING_REVIEW', 'reject')).toEqual({ ok: true, status: 'REJECTED' });
    expect(nextStatus('APPROVED', 'revoke')).toEqual({ ok: true, status: 'REVOKED' });
    expect(nextStatus('DRAFT', 'withdraw')).toEqual({ ok: true, status: 'WITHDRAWN' });
    expect(nextStatus('PENDING_REVIEW', 'withdraw')).toEqual({ ok: true, status: 'WITHDRAWN' });
  });

  it('should refuse every other transition with INVALID_TRANSITION', () => {
    const allowed = new Set(['DRAFT submit', 'PENDING_REVIEW approve', 'PENDING_REVIEW reject', 'APPROVED revoke', 'DRAFT withdraw', 'PENDING_REVIEW withdraw']);
    const actions: SharingAction[] = ['submit', 'approve', 'reject', 'revoke', 'withdraw'];
    for (const status of SHARING_STATUSES) {
      for (const action of actions) {
        const result = nextStatus(status, action, { approvalCount: 1, requiredApprovals: 1 });
        expect([status, action, result.ok]).toEqual([status, action, allowed.has(`${status} ${action}`)]);
        if (!result.ok) {
          expect(result.code).toBe('INVALID_TRANSITION');
          expect(result.message).toBe(`cannot ${action} a sharing arrangement that is ${status}`);
        }
      }
    }
  });

  it('should need the approval progress to approve', () => {
    expect(() => nextStatus('PENDING_REVIEW', 'approve' as 'submit')).toThrow(TypeError);
  });
});

describe('assertNextStatus', () => {
  it('should return the next status', () => {
    expect(assertNextStatus('DRAFT', 'submit')).toBe('PENDING_REVIEW');
  });

  it('should throw a named error carrying the code', () => {
    const attempt = () => assertNextStatus('REVOKED' as SharingStatus, 'approve', { approvalCount: 1, requiredApprovals: 1 });
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION', from: 'REVOKED', action: 'approve' }));
  });
});

describe('canEditContents / isSharingActive', () => {
  it('should allow edits in DRAFT only and share only while APPROVED', () => {
    expect(SHARING_STATUSES.filter(canEditContents)).toEqual(['DRAFT']);
    expect(SHARING_STATUSES.filter(isSharingActive)).toEqual(['APPROVED']);
  });
});

describe('actionsFrom', () => {
  it('should list exactly the actions nextStatus accepts from each status', () => {
    for (const status of SHARING_STATUSES) {
      const accepted = (['submit', 'approve', 'reject', 'revoke', 'withdraw'] as const).filter(
        (action) => nextStatus(status, action, { approvalCount: 1, requiredApprovals: 1 }).ok,
      );
      expect(actionsFrom(status)).toEqual(accepted);
    }
  });
});
