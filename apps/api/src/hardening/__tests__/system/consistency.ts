import type { ApiChild } from './api-child';
import { Acknowledged, SERVICE_PREFIX } from './workload';

interface ServiceRow {
  key: string;
  name: string;
  version: number;
  inventory: { dataCategory: string; retentionDays: number | null }[];
}

interface EventRow {
  seq: number;
  action: string;
  entityId: string;
  after: any;
}

export interface ConsistencyReport {
  auditOk: boolean;
  checkedEvents: number;
  services: number;
  problems: string[];
}

const SERVICES = 'query($after: String) { services(first: 200, after: $after, filter: { search: "load-" }) { edges { node { key name version inventory { dataCategory retentionDays } } } pageInfo { hasNextPage endCursor } } }';
const SERVICE_EVENTS = 'query($after: String) { auditEvents(first: 500, after: $after, filter: { entityType: "service" }) { edges { node { seq action entityId after } } pageInfo { hasNextPage endCursor } } }';

/** The nodes of a connection query that `keep` keeps, read page by page (the query takes the cursor as `$after`). */
async function allNodes<T>(api: ApiChild, query: string, field: string, keep: (node: T) => boolean): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await api.ok(query, { after });
    rows.push(...page[field].edges.map((e: { node: T }) => e.node));
    if (!page[field].pageInfo.hasNextPage) return rows.filter(keep);
    after = page[field].pageInfo.endCursor;
  }
}

const allServices = (api: ApiChild) => allNodes<ServiceRow>(api, SERVICES, 'services', (r) => r.key.startsWith(SERVICE_PREFIX));
const serviceEvents = (api: ApiChild) => allNodes<EventRow>(api, SERVICE_EVENTS, 'auditEvents', (r) => r.entityId.startsWith(SERVICE_PREFIX));

/**
 * What "no half-applied mutation, no lost write" means for the workload, read
 * back through the API after the faults:
 * - the audit chain verifies;
 * - a service exists exactly when its `service.registered` event does;
 * - its version is 1 + its `service.updated` events, its name the last one's;
 * - its current inventory is whole (3 items, one marker) and is what its last
 *   `inventory.replaced` event says; no inventory without such an event;
 * - every write the API acknowledged is there.
 */
export async function checkConsistency(api: ApiChild, acknowledged?: Acknowledged): Promise<ConsistencyReport> {
  const problems: string[] = [];
  const verification = (await api.ok('{ verifyAuditLog { ok checkedEvents firstBrokenSeq } }')).verifyAuditLog;
  if (!verification.ok) problems.push(`the audit chain breaks at seq ${verification.firstBrokenSeq}`);

  const services = await allServices(api);
  const events = await serviceEvents(api);
  const byKey = new Map<string, EventRow[]>();
  for (const e of events) byKey.set(e.entityId, [...(byKey.get(e.entityId) ?? []), e]);
  const existing = new Map(services.map((s) => [s.key, s]));

  for (const key of byKey.keys()) {
    if (!existing.has(key)) problems.push(`${key}: audit events for a service that does not exist`);
  }
  for (const service of services) {
    const own = (byKey.get(service.key) ?? []).sort((a, b) => a.seq - b.seq);
    const registered = own.filter((e) => e.action === 'service.registered').length;
    if (registered !== 1) problems.push(`${service.key}: ${registered} service.registered events`);
    const updates = own.filter((e) => e.action === 'service.updated');
    if (service.version !== 1 + updates.length) problems.push(`${service.key}: version ${service.version} after ${updates.length} audited updates`);
    const lastName = updates.length ? updates[updates.length - 1].after?.name : undefined;
    if (lastName !== undefined && lastName !== service.name) problems.push(`${service.key}: name "${service.name}", last audited "${lastName}"`);
    const replaced = own.filter((e) => e.action === 'inventory.replaced');
    const markers = [...new Set(service.inventory.map((i) => i.retentionDays))];
    if (replaced.length === 0) {
      if (service.inventory.length) problems.push(`${service.key}: an inventory without an inventory.replaced event`);
    } else {
      const last = replaced[replaced.length - 1].after?.items ?? [];
      const audited = [...new Set(last.map((i: { retentionDays: number }) => i.retentionDays))];
      if (service.inventory.length !== 3 || markers.length !== 1) problems.push(`${service.key}: a partial inventory ${JSON.stringify(service.inventory)}`);
      else if (audited.length !== 1 || audited[0] !== markers[0]) problems.push(`${service.key}: inventory marker ${markers[0]}, last audited ${JSON.stringify(audited)}`);
    }
  }

  if (acknowledged) {
    for (const key of acknowledged.registered) if (!existing.has(key)) problems.push(`${key}: registration acknowledged, then lost`);
    for (const [key, acked] of acknowledged.inventories) {
      const audited = new Set((byKey.get(key) ?? []).filter((e) => e.action === 'inventory.replaced').map((e) => e.after?.items?.[0]?.retentionDays));
      for (const marker of acked) if (!audited.has(marker)) problems.push(`${key}: inventory ${marker} acknowledged, then lost`);
    }
    for (const [key, names] of acknowledged.renames) {
      const audited = new Set((byKey.get(key) ?? []).filter((e) => e.action === 'service.updated').map((e) => e.after?.name));
      for (const name of names) if (!audited.has(name)) problems.push(`${key}: rename to "${name}" acknowledged, then lost`);
    }
  }
  return { auditOk: verification.ok, checkedEvents: verification.checkedEvents, services: services.length, problems };
}
