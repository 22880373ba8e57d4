import { approvalProgress, distinctApprovers } from './approvals';

describe('distinctApprovers', () => {
  it('should keep each officer once, in the order of their first approval', () => {
    expect(distinctApprovers(['dpo-2', 'dpo-1', 'dpo-2'])).toEqual(['dpo-2', 'dpo-1']);
  });
});

describe('approvalProgress', () => {
  it('should count the approval being made on top of the distinct ones before it', () => {
    expect(approvalProgress([], 'dpo-1', 2)).toEqual({ approvalCount: 1, requiredApprovals: 2 });
    expect(approvalProgress(['dpo-1', 'dpo-1'], 'dpo-2', 2)).toEqual({ approvalCount: 2, requiredApprovals: 2 });
  });

  it('should count an officer approving again once', () => {
    expect(approvalProgress(['dpo-1'], 'dpo-1', 2)).toEqual({ approvalCount: 1, requiredApprovals: 2 });
  });
});
