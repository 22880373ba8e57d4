/**
 * `npm run soak`: a bounded load test of the built API on MySQL/MariaDB.
 *
 * Two minutes (SOAK_SECONDS) of mixed reads and writes at 32 connections
 * (SOAK_CONNECTIONS) with autocannon, on loopback, against
 * `node dist/apps/api/main.js` over a fresh database on the server that
 * SOAK_MYSQL_URL or TEST_MYSQL_URL names (default mysql://root@127.0.0.1:3306).
 * It stops by itself and fails (exit 1) unless: no 5xx and no internal error,
 * the audit chain verifies, every acknowledged write is there and whole, and
 * the API's memory is stable (mean resident set of the last quarter of the
 * run within 25 % of the second quarter's, i.e. 90-120 s against 30-60 s). Figures go to stdout and tmp/reliability/soak.json;
 * docs/reliability.md records a run.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ROOT, startApi } from '../bench/api-process';
import { graphql, Operation } from '../bench/graphql';
import {
  AUDIT_HEAD,
  CREATE_API_TOKEN,
  CREATE_GLOBAL_POLICY,
  CREATE_TEAM,
  CREATE_USER,
  DRAFT_POLICY_VERSION,
  PUBLISH_POLICY_VERSION,
  REGISTER_SERVICE,
  SET_INVENTORY,
  UPDATE_SERVICE,
} from '../bench/operations';
import type { InventoryItemInput } from '../bench/operations';
import type { SoakAuditEventsQuery, SoakInventoryEventsQuery, SoakServicesQuery } from '../gql/graphql';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 32);
const SERVER = new URL(process.env.SOAK_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
const TOKEN = 'soak-bootstrap-token-0123456789abcdef';
const SERVICES = 200;
const CATEGORIES = ['device.log', 'user.contact.email', 'device.identifier'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL payloads, checked as read

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  setupRequest(request: AutocannonRequest & { body?: string }, context: Json): AutocannonRequest & { body?: string };
  onResponse(status: number, body: string, context: Json): void;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '4xx': number;
  '5xx': number;
  duration: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types
const autocannon = require('autocannon') as (options: Json, done: (error: Error | null, result: AutocannonResult) => void) => unknown;

const CONSOLE_LIST = graphql(
  `query ConsoleList { services(first: 100) { edges { node { key name team { name } inventory { dataCategory } sharingArrangements { status processor { name } } conflicts(status: OPEN) { id } } } } }`,
);
const SERVICE = graphql(
  `query SoakService($k: String!) { service(key: $k) { key name version team { key } inventory { dataCategory retentionDays } effectivePolicy { clauses { topic subject value } } } }`,
);
const AUDIT = graphql(`query SoakAudit { auditEvents(first: 50, filter: { entityType: "service" }) { totalCount edges { node { seq action entityId } } } }`);
const FINDINGS = graphql(`query SoakFindings($k: String!) { findings(serviceKey: $k) { rule severity } }`);
const ALL_SERVICES = graphql(
  `query SoakServices($after: String) { services(first: 200, after: $after) { edges { node { key version inventory { retentionDays } } } pageInfo { hasNextPage endCursor } } }`,
);
const INVENTORY_EVENTS = graphql(
  `query SoakInventoryEvents($after: String) { auditEvents(first: 500, after: $after, filter: { action: "inventory.replaced" }) { edges { node { entityId after } } pageInfo { hasNextPage endCursor } } }`,
);
const RENAME_EVENTS = graphql(
  `query SoakAuditEvents($after: String) { auditEvents(first: 500, after: $after, filter: { action: "service.updated" }) { edges { node { entityId } } pageInfo { hasNextPage endCursor } } }`,
);
/** Renames race on a few services: every connection uses the last version it heard of, so most lose with VERSION_CONFLICT. */
const HOT_SERVICES = 16;

/** One operation as `token` (the bootstrap admin's by default); its data, or an error naming it. */
async function gql<R, V>(url: string, document: Operation<R, V>, variables?: V, token = TOKEN): Promise<R> {
  const query = String(document);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: variables ?? {} }),
  });
  const body = (await response.json()) as { data: R; errors?: unknown[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const items = (marker: number): InventoryItemInput[] =>
  CATEGORIES.map((dataCategory) => ({ dataCategory, purposes: ['service.provide'], source: 'USER_PROVIDED', legalBasis: 'CONSENT', retentionDays: marker, encryption: 'AT_REST_AND_IN_TRANSIT' }));

async function main() {
  const name = `canopy_soak_${randomBytes(4).toString('hex')}`;
  const connect = () =>
    createConnection({ host: SERVER.hostname, port: Number(SERVER.port || 3306), user: decodeURIComponent(SERVER.username || 'root'), password: decodeURIComponent(SERVER.password) });
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const auth = SERVER.password ? `${SERVER.username}:${SERVER.password}` : SERVER.username || 'root';
  const api = await startApi(`mysql://${auth}@${SERVER.hostname}:${SERVER.port || 3306}/${name}`, {
    NODE_ENV: 'production',
    CANOPY_BOOTSTRAP_ADMIN_EMAIL: 'soak@canopy.test',
    CANOPY_BOOTSTRAP_TOKEN: TOKEN,
  });
  const failures: string[] = [];
  try {
    console.log(`soak: ${SECONDS} s at ${CONNECTIONS} connections against ${api.url} (database ${name})`);
    // Seed: teams, a global policy, services with inventories.
    for (const team of ['geo', 'media', 'mobile', 'web']) await gql(api.url, CREATE_TEAM, { key: team, name: team });
    await gql(api.url, CREATE_USER, { email: 'dpo@soak.test', name: 'Officer', roles: ['PRIVACY_OFFICER'] });
    const officerToken = (await gql(api.url, CREATE_API_TOKEN, { name: 'soak', userEmail: 'dpo@soak.test' })).createApiToken.token;
    const asOfficer = <R, V>(document: Operation<R, V>, variables?: V) => gql(api.url, document, variables, officerToken);
    await asOfficer(CREATE_GLOBAL_POLICY, { key: 'general', title: 'General' });
    const drafted = await asOfficer(DRAFT_POLICY_VERSION, {
      policyKey: 'general',
      clauses: [
        { topic: 'COLLECTION', subject: '*', value: 'ALLOWED' },
        { topic: 'RETENTION', subject: 'device.log', value: '400' },
        { topic: 'SHARING', subject: '*:third_party', value: 'CONSENT' },
      ],
    });
    await asOfficer(PUBLISH_POLICY_VERSION, { policyKey: 'general', number: drafted.draftPolicyVersion.number, at: new Date().toISOString() });
    const keys: string[] = [];
    for (let i = 0; i < SERVICES; i++) {
      const key = `svc-${String(i).padStart(3, '0')}`;
      keys.push(key);
      await asOfficer(REGISTER_SERVICE, { input: { key, name: `Service ${i}`, teamKey: ['geo', 'media', 'mobile', 'web'][i % 4] } });
      await asOfficer(SET_INVENTORY, { serviceKey: key, items: items(1) });
    }

    // The load: each request picks its operation; writes are remembered when acknowledged.
    let marker = 1000;
    let registered = 0;
    const acknowledged = { registered: new Set<string>(), inventories: new Map<string, Set<number>>(), renames: new Map<string, number>() };
    const versions = new Map<string, number>();
    const races = { won: 0, lost: 0 };
    const counts = { byStatus: {} as Record<string, number>, byOp: {} as Record<string, number>, codes: {} as Record<string, number>, internal: 0 };
    const request: AutocannonRequest = {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officerToken}` },
      setupRequest(req, context) {
        const roll = Math.random();
        const key = keys[Math.floor(Math.random() * keys.length)];
        let body: Json;
        if (roll < 0.4) body = { op: 'list', query: CONSOLE_LIST };
        else if (roll < 0.6) body = { op: 'service', query: SERVICE, variables: { k: key } };
        else if (roll < 0.7) body = { op: 'audit', query: AUDIT };
        else if (roll < 0.75) body = { op: 'findings', query: FINDINGS, variables: { k: key } };
        else if (roll < 0.85) {
          const hot = keys[Math.floor(Math.random() * HOT_SERVICES)];
          const name = `Renamed ${Math.random().toString(36).slice(2, 10)}`;
          body = { op: 'updateService', query: UPDATE_SERVICE, variables: { input: { key: hot, expectedVersion: versions.get(hot) ?? 1, name } }, key: hot };
        } else if (roll < 0.95) {
          const m = ++marker;
          body = { op: 'setInventory', query: SET_INVENTORY, variables: { serviceKey: key, items: items(m) }, marker: m, key };
        } else {
          const k = `soak-${++registered}`;
          body = { op: 'registerService', query: REGISTER_SERVICE, variables: { input: { key: k, name: `Soak ${k}`, teamKey: 'web' } }, key: k };
        }
        context.pending = body;
        return { ...req, body: JSON.stringify({ query: String(body.query), variables: body.variables ?? {} }) };
      },
      onResponse(status, body, context) {
        const pending = context.pending as Json;
        counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
        counts.byOp[pending.op] = (counts.byOp[pending.op] ?? 0) + 1;
        let parsed: Json = {};
        try {
          parsed = JSON.parse(body);
        } catch {
          counts.codes.NOT_JSON = (counts.codes.NOT_JSON ?? 0) + 1;
        }
        for (const e of parsed.errors ?? []) {
          const code = e.extensions?.code ?? 'none';
          counts.codes[code] = (counts.codes[code] ?? 0) + 1;
          if (code === 'INTERNAL_SERVER_ERROR') counts.internal++;
        }
        if (pending.op === 'updateService' && parsed.errors?.[0]?.extensions?.code === 'VERSION_CONFLICT') {
          races.lost++;
          versions.set(pending.key, parsed.errors[0].extensions.currentVersion);
        }
        if (status !== 200 || parsed.errors) return;
        if (pending.op === 'registerService') acknowledged.registered.add(pending.key);
        if (pending.op === 'updateService') {
          races.won++;
          versions.set(pending.key, parsed.data.updateService.version);
          acknowledged.renames.set(pending.key, (acknowledged.renames.get(pending.key) ?? 0) + 1);
        }
        if (pending.op === 'setInventory') {
          if (!acknowledged.inventories.has(pending.key)) acknowledged.inventories.set(pending.key, new Set());
          acknowledged.inventories.get(pending.key)!.add(pending.marker);
        }
      },
    };

    const memory: { t: number; rss: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => memory.push({ t: (Date.now() - started) / 1000, rss: rssMb(api.child.pid!) }), 2000);
    const result = await new Promise<AutocannonResult>((resolve, reject) =>
      autocannon({ url: api.url, connections: CONNECTIONS, duration: SECONDS, requests: [request], timeout: 30 }, (error, r) => (error ? reject(error) : resolve(r))),
    );
    clearInterval(sampler);

    // Memory: the second quarter of the run (after warm-up) against the last quarter (30-60 s and 90-120 s of 2 minutes).
    const window = (from: number, to: number) => memory.filter((m) => m.t >= from && m.t < to).map((m) => m.rss);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const warm = mean(window(SECONDS * 0.25, SECONDS * 0.5));
    const last = mean(window(SECONDS * 0.75, SECONDS + 1));
    const peak = Math.max(...memory.map((m) => m.rss));

    // The record afterwards: chain, acknowledged writes, whole inventories.
    const verification = (await gql(api.url, AUDIT_HEAD)).verifyAuditLog;
    const lost: string[] = [];
    const existing = new Map<string, SoakServicesQuery['services']['edges'][number]['node']>();
    let after: string | null = null;
    do {
      const page: SoakServicesQuery['services'] = (await gql(api.url, ALL_SERVICES, { after })).services;
      for (const e of page.edges) existing.set(e.node.key, e.node);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const auditedMarkers = new Map<string, Set<number>>();
    let lastInventory = new Map<string, number>();
    after = null;
    do {
      const page: SoakInventoryEventsQuery['auditEvents'] = (await gql(api.url, INVENTORY_EVENTS, { after })).auditEvents;
      for (const e of page.edges) {
        const m = (e.node.after as { items?: { retentionDays: number }[] } | null)?.items?.[0]?.retentionDays as number;
        if (!auditedMarkers.has(e.node.entityId)) auditedMarkers.set(e.node.entityId, new Set());
        auditedMarkers.get(e.node.entityId)!.add(m);
        lastInventory.set(e.node.entityId, m);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const halfApplied: string[] = [];
    const audited = new Map<string, number>();
    after = null;
    do {
      const page: SoakAuditEventsQuery['auditEvents'] = (await gql(api.url, RENAME_EVENTS, { after })).auditEvents;
      for (const e of page.edges) audited.set(e.node.entityId, (audited.get(e.node.entityId) ?? 0) + 1);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    let unacknowledged = 0;
    for (let i = 0; i < HOT_SERVICES; i++) {
      const key = keys[i];
      const wins = acknowledged.renames.get(key) ?? 0;
      const updates = audited.get(key) ?? 0;
      const version = existing.get(key)?.version;
      // One version per audited update; every acknowledged rename among them. A rename in flight when the
      // load stopped may have committed without its answer being read: audited, never acknowledged.
      if (version !== 1 + updates) halfApplied.push(`${key}: version ${version} after ${updates} audited updates`);
      if (wins > updates) lost.push(`${key}: ${wins} acknowledged renames, ${updates} audited`);
      unacknowledged += updates - wins;
    }
    for (const key of acknowledged.registered) if (!existing.has(key)) lost.push(`${key}: registration`);
    for (const [key, markers] of acknowledged.inventories) for (const m of markers) if (!auditedMarkers.get(key)?.has(m)) lost.push(`${key}: inventory ${m}`);
    for (const [key, service] of existing) {
      const markers = new Set<number | null | undefined>(service.inventory.map((i) => i.retentionDays));
      if (service.inventory.length && (service.inventory.length !== 3 || markers.size !== 1 || !markers.has(lastInventory.get(key)))) halfApplied.push(key);
    }
    lastInventory = new Map();

    const fiveXx = Object.entries(counts.byStatus).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
    if (fiveXx) failures.push(`${fiveXx} answers were 5xx`);
    if (counts.internal) failures.push(`${counts.internal} INTERNAL_SERVER_ERROR errors`);
    if (result.errors || result.timeouts) failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
    if (!verification.ok) failures.push(`the audit chain breaks at ${verification.firstBrokenSeq}`);
    if (lost.length) failures.push(`lost writes: ${lost.slice(0, 10).join(', ')}`);
    if (halfApplied.length) failures.push(`half-applied writes: ${halfApplied.slice(0, 10).join(', ')}`);
    if (last > warm * 1.25) failures.push(`memory grew: ${warm.toFixed(0)} MB after warm-up, ${last.toFixed(0)} MB at the end`);

    const figures = {
      at: new Date().toISOString(),
      node: process.version,
      database: `MariaDB/MySQL at ${SERVER.hostname}:${SERVER.port || 3306}`,
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      byStatus: counts.byStatus,
      byOperation: counts.byOp,
      errorCodes: counts.codes,
      fiveXx,
      acknowledgedWrites: acknowledged.registered.size + [...acknowledged.inventories.values()].reduce((n, s) => n + s.size, 0) + races.won,
      races: { renames: races.won + races.lost, won: races.won, lostWithVersionConflict: races.lost, committedWhileTheLoadStopped: unacknowledged },
      lostWrites: lost.length,
      halfApplied: halfApplied.length,
      audit: verification,
      rssMb: { afterWarmUp: Math.round(warm), end: Math.round(last), peak: Math.round(peak) },
      passed: failures.length === 0,
      failures,
    };
    mkdirSync(path.join(ROOT, 'tmp', 'reliability'), { recursive: true });
    writeFileSync(path.join(ROOT, 'tmp', 'reliability', 'soak.json'), JSON.stringify({ ...figures, memory }, null, 2));
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await api.stop();
    if (!process.env.SOAK_KEEP) {
      const c = await connect();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    }
  }
  if (failures.length) {
    console.error(`soak FAILED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('soak passed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
