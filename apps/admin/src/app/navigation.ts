import { mayReadAuditLog, type Role } from '@canopy/domain';

/**
 * The console's sections and who may open them. The API enforces every rule
 * (DESIGN.md section 6); the console only hides what a role cannot use, by
 * the domain's own rule, so a page that would fail with FORBIDDEN is never offered.
 */
export type Section = 'overview' | 'conflicts' | 'sharing' | 'services' | 'processors' | 'policies' | 'findings' | 'audit' | 'explorer';

interface Reader {
  roles: readonly string[];
}

export interface NavItem {
  section: Section;
  label: string;
  path: string;
  opensFor(viewer: Reader): boolean;
}

/** Every signed-in role reads services, policies, conflicts, processors, arrangements and findings. */
const everyone = () => true;

export const NAV_ITEMS: readonly NavItem[] = [
  { section: 'overview', label: 'Overview', path: '/', opensFor: everyone },
  { section: 'conflicts', label: 'Conflicts', path: '/conflicts', opensFor: everyone },
  { section: 'sharing', label: 'Sharing', path: '/sharing', opensFor: everyone },
  { section: 'services', label: 'Services', path: '/services', opensFor: everyone },
  { section: 'processors', label: 'Processors', path: '/processors', opensFor: everyone },
  { section: 'policies', label: 'Policies', path: '/policies', opensFor: everyone },
  { section: 'findings', label: 'Findings', path: '/findings', opensFor: everyone },
  { section: 'audit', label: 'Audit log', path: '/audit', opensFor: mayReadAuditLog },
  { section: 'explorer', label: 'Explorer', path: '/explorer', opensFor: everyone },
];

export function navigationFor(viewer: Reader | null | undefined): NavItem[] {
  return viewer ? NAV_ITEMS.filter((item) => item.opensFor(viewer)) : [];
}

export function canOpen(viewer: Reader | null | undefined, section: Section): boolean {
  const item = NAV_ITEMS.find((i) => i.section === section);
  return Boolean(viewer && item?.opensFor(viewer));
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  PRIVACY_OFFICER: 'Privacy officer',
  ENGINEER: 'Engineer',
  AUDITOR: 'Auditor',
};
