import { can, canOpen, navigationFor, type Role } from './roles';

const viewer = (roles: Role[], teams: string[] = []) => ({ roles, teams: teams.map((key) => ({ key })) });
const labels = (roles: Role[]) => navigationFor(viewer(roles)).map((i) => i.label);

describe('navigationFor', () => {
  it('should show the audit log to auditors, officers and admins', () => {
    expect(labels(['AUDITOR'])).toContain('Audit log');
    expect(labels(['PRIVACY_OFFICER'])).toContain('Audit log');
    expect(labels(['ADMIN'])).toContain('Audit log');
  });

  it('should not show the audit log to engineers', () => {
    expect(labels(['ENGINEER'])).not.toContain('Audit log');
    expect(canOpen(viewer(['ENGINEER']), 'audit')).toBe(false);
  });

  it('should show every signed-in role the read-only lists', () => {
    for (const role of ['ADMIN', 'PRIVACY_OFFICER', 'ENGINEER', 'AUDITOR'] as Role[]) {
      expect(labels([role])).toEqual(expect.arrayContaining(['Overview', 'Conflicts', 'Sharing', 'Services', 'Processors', 'Policies', 'Explorer']));
    }
  });

  it('should show nothing without a viewer', () => {
    expect(navigationFor(null)).toEqual([]);
  });
});

describe('can', () => {
  it('should let only officers resolve conflicts and approve or reject sharing', () => {
    expect(can.resolveConflict(viewer(['PRIVACY_OFFICER']))).toBe(true);
    for (const role of ['ADMIN', 'ENGINEER', 'AUDITOR'] as Role[]) {
      expect(can.resolveConflict(viewer([role]))).toBe(false);
      expect(can.approveSharing(viewer([role]))).toBe(false);
      expect(can.rejectSharing(viewer([role]))).toBe(false);
    }
  });

  it('should let officers and the owning team engineers revoke', () => {
    expect(can.revokeSharing(viewer(['PRIVACY_OFFICER']), 'geo')).toBe(true);
    expect(can.revokeSharing(viewer(['ENGINEER'], ['geo']), 'geo')).toBe(true);
    expect(can.revokeSharing(viewer(['ENGINEER'], ['media']), 'geo')).toBe(false);
    expect(can.revokeSharing(viewer(['AUDITOR']), 'geo')).toBe(false);
  });

  it('should let the owning team draft a service policy but only officers publish', () => {
    expect(can.draftPolicy(viewer(['ENGINEER'], ['geo']), 'SERVICE', 'geo')).toBe(true);
    expect(can.draftPolicy(viewer(['ENGINEER'], ['geo']), 'GLOBAL')).toBe(false);
    expect(can.publishPolicy(viewer(['ENGINEER'], ['geo']))).toBe(false);
    expect(can.publishPolicy(viewer(['PRIVACY_OFFICER']))).toBe(true);
  });
});
