/**
 * What each role may see and do in the console. The API enforces every rule
 * (DESIGN.md section 6); the console only hides what a role cannot use, so a
 * control that would fail with FORBIDDEN is never offered.
 */
export type Role = 'ADMIN' | 'PRIVACY_OFFICER' | 'ENGINEER' | 'AUDITOR';

export interface ViewerLike {
  roles: readonly Role[];
  teams?: readonly { key: string }[];
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  PRIVACY_OFFICER: 'Privacy officer',
  ENGINEER: 'Engineer',
  AUDITOR: 'Auditor',
};

export type Section = 'overview' | 'conflicts' | 'sharing' | 'services' | 'processors' | 'policies' | 'findings' | 'audit' | 'explorer';

export interface NavItem {
  section: Section;
  label: string;
  path: string;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['ADMIN', 'PRIVACY_OFFICER', 'ENGINEER', 'AUDITOR'];

/** Every signed-in role reads services, policies, conflicts, processors and arrangements; the audit log is for auditors, officers and admins. */
export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'overview', label: 'Overview', path: '/', roles: ALL },
  { section: 'conflicts', label: 'Conflicts', path: '/conflicts', roles: ALL },
  { section: 'sharing', label: 'Sharing', path: '/sharing', roles: ALL },
  { section: 'services', label: 'Services', path: '/services', roles: ALL },
  { section: 'processors', label: 'Processors', path: '/processors', roles: ALL },
  { section: 'policies', label: 'Policies', path: '/policies', roles: ALL },
  { section: 'findings', label: 'Findings', path: '/findings', roles: ALL },
  { section: 'audit', label: 'Audit log', path: '/audit', roles: ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'] },
  { section: 'explorer', label: 'Explorer', path: '/explorer', roles: ALL },
];

const hasAny = (viewer: ViewerLike | null | undefined, roles: readonly Role[]) =>
  Boolean(viewer && viewer.roles.some((r) => roles.includes(r)));

export function navigationFor(viewer: ViewerLike | null | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => hasAny(viewer, item.roles));
}

export function canOpen(viewer: ViewerLike | null | undefined, section: Section): boolean {
  const item = NAV_ITEMS.find((i) => i.section === section);
  return Boolean(item && hasAny(viewer, item.roles));
}

export const isOfficer = (viewer: ViewerLike | null | undefined) => hasAny(viewer, ['PRIVACY_OFFICER']);

const ownsTeam = (viewer: ViewerLike | null | undefined, teamKey: string | null | undefined) =>
  Boolean(teamKey && viewer?.teams?.some((t) => t.key === teamKey));

const isEngineerOf = (viewer: ViewerLike | null | undefined, teamKey: string | null | undefined) =>
  hasAny(viewer, ['ENGINEER']) && ownsTeam(viewer, teamKey);

/** The actions the console offers; each mirrors the API's rule for the mutation. */
export const can = {
  resolveConflict: (viewer: ViewerLike | null | undefined) => isOfficer(viewer),
  approveSharing: (viewer: ViewerLike | null | undefined) => isOfficer(viewer),
  rejectSharing: (viewer: ViewerLike | null | undefined) => isOfficer(viewer),
  revokeSharing: (viewer: ViewerLike | null | undefined, teamKey: string | null | undefined) =>
    isOfficer(viewer) || isEngineerOf(viewer, teamKey),
  /** Submit and withdraw: the requester or the owning team's engineers. */
  manageSharingRequest: (viewer: ViewerLike | null | undefined, teamKey: string | null | undefined, requesterEmail?: string, viewerEmail?: string) =>
    isEngineerOf(viewer, teamKey) || Boolean(requesterEmail && viewerEmail && requesterEmail === viewerEmail),
  proposeSharing: (viewer: ViewerLike | null | undefined, teamKey: string | null | undefined) =>
    isOfficer(viewer) || isEngineerOf(viewer, teamKey),
  /** GLOBAL policies: officers. SERVICE policies: officers and the owning team's engineers (who may draft, not publish). */
  draftPolicy: (viewer: ViewerLike | null | undefined, scope: 'GLOBAL' | 'SERVICE', teamKey?: string | null) =>
    isOfficer(viewer) || (scope === 'SERVICE' && isEngineerOf(viewer, teamKey)),
  publishPolicy: (viewer: ViewerLike | null | undefined) => isOfficer(viewer),
  registerProcessor: (viewer: ViewerLike | null | undefined) => isOfficer(viewer),
  verifyAuditLog: (viewer: ViewerLike | null | undefined) => hasAny(viewer, ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN']),
};
