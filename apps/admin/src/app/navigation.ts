import { isPrivacyOfficer, isWriter, mayAdministerAccess, mayExport, mayReadAuditLog, type Role } from '@canopy/domain';

/**
 * The console's sections and who may open them. The API enforces every rule
 * (DESIGN.md section 6); the console only hides what a role cannot use, by
 * the domain's own rules, so a page that would fail with FORBIDDEN is never offered.
 */
export type Section =
  | 'review'
  | 'my-services'
  | 'overview'
  | 'conflicts'
  | 'sharing'
  | 'services'
  | 'processors'
  | 'policies'
  | 'findings'
  | 'taxonomy'
  | 'audit'
  | 'exports'
  | 'admin'
  | 'explorer';

interface Reader {
  roles: readonly string[];
  teams?: readonly unknown[];
}

export interface NavItem {
  section: Section;
  label: string;
  path: string;
  opensFor(viewer: Reader): boolean;
}

/** Every signed-in role reads services, policies, conflicts, processors, arrangements, findings and the taxonomy. */
const everyone = () => true;
/** Engineers (and officers) who belong to a team work on its services. */
const teamWriter = (viewer: Reader) => isWriter(viewer) && (viewer.teams?.length ?? 0) > 0;

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'review', label: 'Review queues', path: '/review', opensFor: isPrivacyOfficer },
  { section: 'my-services', label: 'Your services', path: '/my-services', opensFor: teamWriter },
  { section: 'overview', label: 'Overview', path: '/overview', opensFor: everyone },
  { section: 'conflicts', label: 'Conflicts', path: '/conflicts', opensFor: everyone },
  { section: 'sharing', label: 'Sharing', path: '/sharing', opensFor: everyone },
  { section: 'services', label: 'Services', path: '/services', opensFor: everyone },
  { section: 'processors', label: 'Processors', path: '/processors', opensFor: everyone },
  { section: 'policies', label: 'Policies', path: '/policies', opensFor: everyone },
  { section: 'findings', label: 'Findings', path: '/findings', opensFor: everyone },
  { section: 'taxonomy', label: 'Taxonomy', path: '/taxonomy', opensFor: everyone },
  { section: 'audit', label: 'Audit log', path: '/audit', opensFor: mayReadAuditLog },
  { section: 'exports', label: 'Exports', path: '/exports', opensFor: mayExport },
  { section: 'admin', label: 'Users and tokens', path: '/admin', opensFor: mayAdministerAccess },
  { section: 'explorer', label: 'Explorer', path: '/explorer', opensFor: everyone },
];

export function navigationFor(viewer: Reader | null | undefined): NavItem[] {
  return viewer ? NAV_ITEMS.filter((item) => item.opensFor(viewer)) : [];
}

export function canOpen(viewer: Reader | null | undefined, section: Section): boolean {
  const item = NAV_ITEMS.find((i) => i.section === section);
  return Boolean(viewer && item?.opensFor(viewer));
}

/** Where `/` leads: officers to the review queues, engineers to their teams' services, everyone else to the overview. */
export function landingPath(viewer: Reader): string {
  if (canOpen(viewer, 'review')) return '/review';
  if (canOpen(viewer, 'my-services')) return '/my-services';
  return '/overview';
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  PRIVACY_OFFICER: 'Privacy officer',
  ENGINEER: 'Engineer',
  AUDITOR: 'Auditor',
};
