import type { Role } from '@canopy/domain';
import { canOpen, landingPath, navigationFor } from './navigation';

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
      expect(labels([role])).toEqual(expect.arrayContaining(['Overview', 'Conflicts', 'Sharing', 'Assessments', 'Services', 'Processors', 'Policies', 'Explorer']));
    }
  });

  it('should show nothing without a viewer', () => {
    expect(navigationFor(null)).toEqual([]);
    expect(canOpen(null, 'overview')).toBe(false);
  });
});

describe('landingPath', () => {
  it('should send officers to the review queues', () => {
    expect(landingPath({ roles: ['PRIVACY_OFFICER'], teams: [] })).toBe('/review');
  });

  it("should send engineers to their teams' services, and an engineer without a team to the overview", () => {
    expect(landingPath({ roles: ['ENGINEER'], teams: [{ key: 'geo' }] })).toBe('/my-services');
    expect(landingPath({ roles: ['ENGINEER'], teams: [] })).toBe('/overview');
  });

  it('should send auditors and admins to the overview', () => {
    expect(landingPath({ roles: ['AUDITOR'], teams: [{ key: 'geo' }] })).toBe('/overview');
    expect(landingPath({ roles: ['ADMIN'] })).toBe('/overview');
  });
});

describe('the new sections', () => {
  it('should open exports to the audit roles and user administration to admins only', () => {
    for (const role of ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'] as Role[]) expect(canOpen(viewer([role]), 'exports')).toBe(true);
    expect(canOpen(viewer(['ENGINEER']), 'exports')).toBe(false);
    expect(canOpen(viewer(['ADMIN']), 'admin')).toBe(true);
    for (const role of ['AUDITOR', 'PRIVACY_OFFICER', 'ENGINEER'] as Role[]) expect(canOpen(viewer([role]), 'admin')).toBe(false);
  });
});

describe('the transfer sections', () => {
  it('should show every role the adequacy register and the organisation, at their own paths', () => {
    for (const role of ['ADMIN', 'PRIVACY_OFFICER', 'ENGINEER', 'AUDITOR'] as Role[]) {
      const items = navigationFor(viewer([role]));
      expect(items.find((i) => i.section === 'adequacy')?.path).toBe('/transfers/adequacy');
      expect(items.find((i) => i.section === 'organisation')?.path).toBe('/organisation');
    }
  });

  it('should open the what-if to the roles the API answers it for (auditors, officers, admins), not engineers', () => {
    for (const role of ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'] as Role[]) expect(canOpen(viewer([role]), 'what-if')).toBe(true);
    expect(canOpen(viewer(['ENGINEER']), 'what-if')).toBe(false);
    expect(labels(['ENGINEER'])).not.toContain('Transfer what-if');
  });
});
