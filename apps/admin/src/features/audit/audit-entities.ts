/**
 * The entity types the API writes to the audit log, and the console page
 * each one's id opens (null: no page of its own).
 */
const ADMIN_TAB = (tab: string) => () => `/admin?tab=${tab}`;

const ENTITY_PAGES: Record<string, ((id: string) => string) | null> = {
  service: (id) => `/services/${encodeURIComponent(id)}`,
  processor: (id) => `/processors/${encodeURIComponent(id)}`,
  policy: (id) => `/policies/${encodeURIComponent(id)}`,
  conflict: (id) => `/conflicts/${encodeURIComponent(id)}`,
  sharing: (id) => `/sharing/${encodeURIComponent(id)}`,
  taxonomy: () => '/taxonomy',
  user: ADMIN_TAB('users'),
  team: ADMIN_TAB('teams'),
  api_token: ADMIN_TAB('tokens'),
  token: ADMIN_TAB('tokens'),
  webhook: ADMIN_TAB('webhooks'),
  setting: null,
  assessment: null,
  adequacy_decision: null,
};

/** The known entity types, for the audit log's filter. */
export const AUDIT_ENTITY_TYPES: readonly string[] = Object.keys(ENTITY_PAGES).sort();

/** The console page of an audited entity, or null when it has none. */
export function auditEntityPath(entityType: string, entityId: string): string | null {
  return ENTITY_PAGES[entityType]?.(entityId) ?? null;
}
