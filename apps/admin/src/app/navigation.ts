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
  | 'assessments'
  | 'services'
  | 'processors'
  | 'policies'
  | 'findings'
  | 'taxonomy'
  | 'adequacy'
  | 'what-if'
  | 'organisation'
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

/** Each section's page is at `/<section>` unless `path` says otherwise. */
const item = (section: Section, label: string, opensFor: NavItem['opensFor'], path = `/${section}`): NavItem => ({ section, label, path, opensFor });

export const NAV_ITEMS: readonly NavItem[] = [
  item('review', 'Review queues', isPrivacyOfficer),
  item('my-services', 'Your services', teamWriter),
  item('overview', 'Overview', everyone),
  item('conflicts', 'Conflicts', everyone),
  item('sharing', 'Sharing', everyone),
  // Officers review them; every role reads them (the API's assessments query is open to all).
  item('assessments', 'Assessments', everyone),
  item('services', 'Services', everyone),
  item('processors', 'Processors', everyone),
  item('policies', 'Policies', everyone),
  item('findings', 'Findings', everyone),
  item('taxonomy', 'Taxonomy', everyone),
  // Everyone reads the register (officers add entries); the what-if is the API's for the audit roles (transferImpact).
  item('adequacy', 'Adequacy register', everyone, '/transfers/adequacy'),
  item('what-if', 'Transfer what-if', mayReadAuditLog, '/transfers/what-if'),
  // The controller's identity and enforcement: everyone reads, officers change them.
  item('organisation', 'Organisation', everyone),
  item('audit', 'Audit log', mayReadAuditLog),
  item('exports', 'Exports', mayExport),
  item('admin', 'Users and tokens', mayAdministerAccess),
  item('explorer', 'Explorer', everyone),
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
