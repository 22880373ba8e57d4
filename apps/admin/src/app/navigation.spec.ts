import type { Role } from '@canopy/domain';
import { canOpen, navigationFor } from './navigation';

const viewer = (roles: Role[]) => ({ roles });
const labels = (roles: Role[]) => navigationFor(viewer(roles)).map((i) => i.label);

describe('navigationFor', () => {
  it('should show the audit log to auditors, officers and admins', () => {
    for (const role of ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'] as Role[]) expect(labels([role])).toContain('Audit log');
  });

  it('should not show the audit log to engineers, nor let them open it', () => {
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
    expect(canOpen(null, 'overview')).toBe(false);
  });
});
