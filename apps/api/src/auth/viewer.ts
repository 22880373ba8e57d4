export const ROLES = ['ADMIN', 'PRIVACY_OFFICER', 'ENGINEER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: resolved once per request from a token or a session cookie. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teamIds: string[];
  via: 'token' | 'session';
}

export const hasRole = (viewer: Viewer, role: Role): boolean => viewer.roles.includes(role);
export const isOfficer = (viewer: Viewer): boolean => hasRole(viewer, 'PRIVACY_OFFICER');
export const isAdmin = (viewer: Viewer): boolean => hasRole(viewer, 'ADMIN');
export const belongsTo = (viewer: Viewer, teamId: string): boolean => viewer.teamIds.includes(teamId);

/** Role sets for @Authorized(): ADMIN reads everything an AUDITOR reads. */
export const READERS_OF_AUDIT = ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'] as const;
