/**
 * The benchmark's workloads as GraphQL documents, and the raw-SQL floor of
 * the read workloads: the same rows fetched by hand-written SQL through
 * mysql2 (what the data costs without GraphQL, the ORM or the domain rules).
 */
import { createHash } from 'node:crypto';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { SweepPageQuery } from '../gql/graphql';
import { type Answer, gql } from './api-process';
import { graphql } from './graphql';

/**
 * 1. The console's service list: what its list row shows (ServiceRow_service in apps/admin) plus the
 * inventory's categories and the sharing arrangements with their processors; the open conflicts are
 * counted by the client.
 */
export const SERVICE_LIST = graphql(`query ServiceList($first: Int!) {
  services(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id key name lifecycle servesMinors updatedAt
      team { id key name }
      inventory { dataCategory }
      sharingArrangements { id status processor { id key name } }
      openConflicts: conflicts(status: OPEN) { id }
    } }
  }
}`);

/** 2. One service page: the effective policy with explanations, and the findings. */
export const SERVICE_PAGE = graphql(`query ServicePage($key: String!) {
  service(key: $key) {
    id key name
    effectivePolicy { at clauses { topic subject value source policyKey policyVersion pendingReview explanation } }
    findings { rule severity dataCategory message }
  }
}`);

/**
 * 3. The auditor's sweep: findings for every service, as one plain list (what builds before issue 14 answer;
 * above CANOPY_MAX_LIST_RESULTS it is now RESULT_TOO_LARGE) ...
 */
export const FINDINGS_SWEEP = graphql(`query Sweep {
  findings { rule severity dataCategory message service { key } }
}`);

/** ... or a page at a time, as the API serves it whatever the organisation's size. */
export const FINDINGS_PAGE = graphql(`query SweepPage($first: Int!, $after: String) {
  findingsConnection(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { rule severity dataCategory message service { key } } }
  }
}`);

/** Workload 3 a page at a time: every page of findingsConnection, timed as one sweep; statements and findings summed. */
export async function sweepFindingsPages(url: string, token: string, first = 1000): Promise<{ ms: number; statements: number; findings: number; pages: number }> {
  const started = performance.now();
  let after: string | null = null;
  let statements = 0;
  let findings = 0;
  let pages = 0;
  for (;;) {
    const r: Answer<SweepPageQuery> = await gql(url, token, FINDINGS_PAGE, { first, after });
    if (r.body.errors || !r.body.data) throw new Error(`findings page: ${JSON.stringify(r.body.errors).slice(0, 500)}`);
    const page = r.body.data.findingsConnection;
    statements += r.statements;
    findings += page.edges.length;
    pages++;
    if (!page.pageInfo.hasNextPage) return { ms: performance.now() - started, statements, findings, pages };
    after = page.pageInfo.endCursor ?? null;
  }
}

/**
 * 6. The transfer what-if (DESIGN.md section 9) over every live arrangement: adequacy withdrawn for
 * the dataset's adequate countries (its US processors are not DPF-certified, so the US alone moves nothing).
 */
export const TRANSFER_IMPACT = graphql(`query TransferImpact($from: DateTime) {
  transferImpact(scenario: { withdrawAdequacy: ["US", "GB", "CH", "JP", "CA"], from: $from }) {
    scenario
    affected { arrangement { id } countries hasFallback findingsOpening { rule severity } }
  }
}`);

type Db = Connection;
type Rows = RowDataPacket[];

const q = async (db: Db, sql: string, params: unknown[] = []): Promise<Rows> => (await db.query<Rows>(sql, params))[0];
const list = (ids: readonly string[]) => (ids.length ? ids : ['']);

/** What authenticating a bearer token reads. */
async function authenticate(db: Db, token: string): Promise<void> {
  const [row] = await q(db, 'SELECT t.*, u.* FROM api_tokens t INNER JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?', [createHash('sha256').update(token).digest('hex')]);
  await q(db, 'SELECT team_id, user_id FROM team_members WHERE user_id IN (?)', [row.user_id]);
}

/** Versions in force now (the highest-numbered published one per policy), for the global policy and the given services (or all). */
async function versionsInForce(db: Db, serviceIds: readonly string[] | 'all'): Promise<Rows> {
  const scope = serviceIds === 'all' ? '' : 'AND (p.global_marker = \'GLOBAL\' OR p.service_id IN (?))';
  return q(
    db,
    `SELECT v.*, p.scope, p.service_id, p.\`key\` AS policy_key FROM policy_versions v INNER JOIN policies p ON p.id = v.policy_id
     WHERE v.status = 'PUBLISHED' AND v.in_force_from <= NOW(3) ${scope}
       AND NOT EXISTS (SELECT 1 FROM policy_versions n WHERE n.policy_id = v.policy_id AND n.status = 'PUBLISHED' AND n.in_force_from <= NOW(3) AND n.number > v.number)`,
    serviceIds === 'all' ? [] : [list(serviceIds)],
  );
}

/** Floor of workload 1: the same page of services and the same related rows, only the columns the list shows. */
export async function floorServiceList(db: Db, token: string, first: number): Promise<number> {
  await authenticate(db, token);
  await q(db, 'SELECT COUNT(1) AS cnt FROM services');
  const services = await q(db, 'SELECT id, `key`, name, lifecycle, serves_minors, updated_at, team_id FROM services ORDER BY `key` LIMIT ?', [first + 1]);
  const ids = services.slice(0, first).map((s) => s.id as string);
  await q(db, 'SELECT id, `key`, name FROM teams WHERE id IN (?)', [list([...new Set(services.map((s) => s.team_id as string))])]);
  await q(db, 'SELECT service_id, data_category FROM inventory_items WHERE service_id IN (?) AND valid_to IS NULL', [list(ids)]);
  await q(db, 'SELECT a.id, a.service_id, a.status, p.id, p.`key`, p.name FROM sharing_arrangements a INNER JOIN processors p ON p.id = a.processor_id WHERE a.service_id IN (?) ORDER BY a.created_at, a.id', [list(ids)]);
  // OPEN: unresolved, and neither side has a newer version in force.
  await q(
    db,
    `SELECT c.id, c.service_id FROM policy_conflicts c
     INNER JOIN policy_versions sv ON sv.id = c.service_version_id INNER JOIN policy_versions gv ON gv.id = c.global_version_id
     WHERE c.service_id IN (?) AND c.resolved_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM policy_versions n WHERE n.policy_id = sv.policy_id AND n.status = 'PUBLISHED' AND n.number > sv.number AND n.in_force_from <= NOW(3))
       AND NOT EXISTS (SELECT 1 FROM policy_versions n WHERE n.policy_id = gv.policy_id AND n.status = 'PUBLISHED' AND n.number > gv.number AND n.in_force_from <= NOW(3))`,
    [list(ids)],
  );
  return 8;
}

/** The rows findings and effective policies are computed from, for some services or all. */
async function policyAndFindingsFacts(db: Db, serviceIds: readonly string[] | 'all'): Promise<number> {
  const versions = await versionsInForce(db, serviceIds);
  await q(db, 'SELECT * FROM policy_clauses WHERE version_id IN (?) ORDER BY position', [list(versions.map((v) => v.id as string))]);
  const serviceVersions = versions.filter((v) => v.scope === 'SERVICE').map((v) => v.id as string);
  await q(db, 'SELECT * FROM policy_conflicts WHERE service_version_id IN (?)', [list(serviceVersions)]);
  await q(db, 'SELECT * FROM taxonomy_categories');
  await q(db, 'SELECT * FROM taxonomy_uses');
  const scoped = serviceIds === 'all' ? '' : 'AND service_id IN (?)';
  const params = serviceIds === 'all' ? [] : [list(serviceIds)];
  await q(db, `SELECT * FROM inventory_items WHERE valid_to IS NULL ${scoped}`, params);
  await q(
    db,
    `SELECT a.*, p.\`key\` AS processor_key, p.dpa_signed_at, p.dpa_expires_at FROM sharing_arrangements a INNER JOIN processors p ON p.id = a.processor_id
     WHERE a.status IN ('DRAFT', 'PENDING_REVIEW', 'APPROVED') ${scoped.replace('service_id', 'a.service_id')}`,
    params,
  );
  await q(db, `SELECT * FROM finding_acceptances WHERE expires_at > NOW(3) ${scoped}`, params);
  // Since issue 16 the findings also rest on the services' assessments, the enforcement settings and the adequacy register.
  await q(db, `SELECT * FROM assessments WHERE 1 = 1 ${scoped}`, params);
  await q(db, 'SELECT * FROM settings');
  await q(db, 'SELECT * FROM adequacy_decisions');
  return 11;
}

/** Floor of workload 2: one service and everything its effective policy and findings are made of. */
export async function floorServicePage(db: Db, token: string, key: string): Promise<number> {
  await authenticate(db, token);
  const [service] = await q(db, 'SELECT * FROM services WHERE `key` = ?', [key]);
  return 3 + (await policyAndFindingsFacts(db, [service.id as string]));
}

/** Floor of workload 3: every service and everything their findings are made of. */
export async function floorFindingsSweep(db: Db, token: string): Promise<number> {
  await authenticate(db, token);
  await q(db, 'SELECT * FROM services ORDER BY `key`');
  return 3 + (await policyAndFindingsFacts(db, 'all'));
}
