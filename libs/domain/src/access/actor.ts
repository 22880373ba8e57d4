/** The contract's `Role` enum (DESIGN.md section 6). */
export const ROLES = ['ADMIN', 'PRIVACY_OFFICER', 'ENGINEER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts, as the access rules need it: the viewer of a request. */
export interface Actor {
  id: string;
  roles: readonly string[];
  teamIds: readonly string[];
}

export const hasRole = (actor: Pick<Actor, 'roles'>, role: Role): boolean => actor.roles.includes(role);

export const isPrivacyOfficer = (actor: Pick<Actor, 'roles'>): boolean => hasRole(actor, 'PRIVACY_OFFICER');

/** The roles that change services' data: the others read. */
export const WRITER_ROLES: readonly Role[] = ['ENGINEER', 'PRIVACY_OFFICER'];

export const isWriter = (actor: Pick<Actor, 'roles'>): boolean => WRITER_ROLES.some((role) => hasRole(actor, role));

/** A member of the team in a writing role acts for it (an auditor or admin who is a member does not). */
export const actsForTeam = (actor: Actor, teamId: string | null | undefined): boolean =>
  Boolean(teamId) && isWriter(actor) && actor.teamIds.includes(teamId as string);

/** The audit log and exports are for these roles; an engineer reads its own services' history elsewhere. */
export const AUDIT_LOG_READERS: readonly Role[] = ['AUDITOR', 'PRIVACY_OFFICER', 'ADMIN'];

export function mayReadAuditLog(actor: Pick<Actor, 'roles'>): boolean {
  return AUDIT_LOG_READERS.some((role) => hasRole(actor, role));
}
