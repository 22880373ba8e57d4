/**
 * The performance benchmark (docs/benchmarks.md):
 *   npm run bench -- [--services 5000] [--seed canopy] [--db mysql|sqlite] [--out FILE] [--duration 20]
 *                    [--baseline OTHER/dist/apps/api/main.js [--baseline-flags "..."]] [--keep] [--warmup 600]
 *
 * Builds a fresh database (MySQL/MariaDB at TEST_MYSQL_URL, default
 * mysql://root@127.0.0.1:3306, unless --db sqlite), generates the dataset,
 * starts the built API (dist/apps/api/main.js) as children: the API as it
 * ships and its naive peer (CANOPY_NAIVE_LOADERS=1: one query per parent, no
 * DataLoader), warms up, and measures, interleaving API, floor and naive
 * peer request by request so the machine's load hits all three alike (each
 * process first serves --warmup requests, so that V8 has optimised its code:
 * tools/bench/warm-up.ts; their first requests are reported as the cold start):
 *   1. the console's service list at first: 10 and first: 100;
 *   2. one service page (effective policy with explanations, findings);
 *   3. the auditor's sweep (findings of every service);
 *   4. a global publish over every service policy;
 *   5. the mixed load (autocannon, 32 connections, 5% writes), on one process
 *      and on two behind a round-robin proxy, with consistency checks.
 * Prints a Markdown table with p50, p95, SQL statements per request and the
 * ratios to the raw-SQL floor (mysql2) and the naive peer, checks the targets,
 * and writes it all to --out (default tmp/bench/latest.md). With --baseline,
 * another build of the API (e.g. an older checkout's bundle) is measured in
 * the same interleaving for workloads 1-3: a before/after comparison that the
 * shared machine's changing load does not skew.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { createTestDatabase, generateDataset, openDataSource, parseDatabaseUrl, TestDialect } from '@canopy/persistence';
import { Answer, API_NODE_FLAGS, ApiProcess, cpuMs, gql, NOT_COUNTING, ROOT, startApi } from './api-process';
import { MixedPlan, MixedResult, roundRobinProxy, rssMb, rssSampler, runMixed } from './mixed';
import {
  ARRANGEMENT_APPROVALS,
  AUDIT_COUNT,
  AUDIT_EVENTS_FROM,
  AUDIT_HEAD,
  CREATE_API_TOKEN,
  CURRENT_POLICY_VERSION,
  DRAFT_POLICY_VERSION,
  INVENTORIES,
  InventoryItemInput,
  OPEN_CONFLICTS,
  PENDING_ARRANGEMENTS,
  PUBLISH_POLICY_VERSION,
  SERVICE_RETENTIONS,
  VIEWER_EMAIL,
} from './operations';
import type { Operation } from './graphql';
import type { AuditEventsFromQuery, InventoriesQuery, ViewerEmailQuery } from '../gql/graphql';
import { emptySample, ms, percentile, ratio, Sample, statements, summary, table } from './stats';
import { ColdStart, COLD_REQUESTS, WARM_KINDS, WarmKind, warmUp } from './warm-up';
import { FINDINGS_SWEEP, floorFindingsSweep, floorServiceList, floorServicePage, SERVICE_LIST, SERVICE_PAGE, sweepFindingsPages, TRANSFER_IMPACT } from './workloads';

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main() {
  const { values } = parseArgs({
    options: {
      services: { type: 'string', default: '5000' },
      seed: { type: 'string', default: 'canopy' },
      db: { type: 'string', default: 'mysql' },
      out: { type: 'string', default: path.join(ROOT, 'tmp/bench/latest.md') },
      duration: { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
      baseline: { type: 'string' },
      'baseline-flags': { type: 'string', default: '' },
      warmup: { type: 'string', default: '600' },
    },
  });
  const started = performance.now();
  const serviceCount = Number(values.services);
  const dialect: TestDialect = values.db === 'sqlite' ? 'sqlite' : 'mysql';
  if (dialect === 'mysql') process.env.TEST_MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test';
  const duration = Number(values.duration);
  const warmupRequests = Number(values.warmup);

  log(`fresh ${dialect} database, ${serviceCount} services`);
  const database = await createTestDatabase(dialect);
  const apis: ApiProcess[] = [];
  try {
    // ------------------------------------------------------------ dataset
    const genStart = performance.now();
    const dataSource = await openDataSource(database.url);
    await dataSource.runMigrations({ transaction: 'each' });
    const dataset = await generateDataset(dataSource, { services: serviceCount, seed: values.seed });
    const serverVersion = dialect === 'mysql' ? String((await dataSource.query('SELECT VERSION() AS v'))[0].v) : `SQLite ${(await dataSource.query('SELECT sqlite_version() AS v'))[0].v}`;
    await dataSource.destroy();
    const genSeconds = (performance.now() - genStart) / 1000;
    log(`dataset in ${genSeconds.toFixed(1)} s: ${Object.entries(dataset.counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);

    const officer = dataset.logins.officers[0].token;
    const auditor = dataset.logins.auditor.token;
    const pageKeys = interleave(dataset.serviceKeysWithPolicy.slice(0, 20), dataset.serviceKeysWithoutPolicy.slice(0, 20));

    // The floor reads through its own mysql2 connection (SQLite has no mysql2 floor).
    const floorDb = dialect === 'mysql' ? await mysqlConnection(database.url) : null;

    // ------------------------------------------------------------ workloads 1-3: API, floor and naive peer side by side
    // The timed processes do not count statements, as in production (counting keeps a request scope whose promise
    // hooks cost about a tenth of a list's CPU); a counting twin of each answers the same requests for the SQL/req.
    const api = await startApi(database.url, NOT_COUNTING);
    const naive = await startApi(database.url, { ...NOT_COUNTING, CANOPY_NAIVE_LOADERS: '1' });
    const twinOf = new Map([
      [api, await startApi(database.url)],
      [naive, await startApi(database.url, { CANOPY_NAIVE_LOADERS: '1' })],
    ]);
    apis.push(api, naive, ...twinOf.values());
    const baselineBuild = { main: path.resolve(values.baseline ?? ''), nodeFlags: values['baseline-flags']!.split(' ').filter(Boolean) };
    const before = values.baseline ? await startApi(database.url, {}, baselineBuild) : null;
    if (before) apis.push(before);
    log(`API at ${api.url} (pid ${api.child.pid}), naive peer at ${naive.url}${before ? `, baseline ${values.baseline} at ${before.url}` : ''}`);

    const expectOk = <T extends { body: { errors?: unknown[] } }>(r: T, what: string): T => {
      if (r.body.errors) throw new Error(`${what}: ${JSON.stringify(r.body.errors).slice(0, 500)}`);
      return r;
    };

    type Peer = 'api' | 'floor' | 'naive' | 'before';
    const PEERS: Peer[] = ['api', 'floor', 'naive', 'before'];
    interface Workload {
      name: string;
      iterations: number;
      naiveEvery: number;
      run: Record<Peer, ((i: number) => Promise<{ ms: number; statements?: number }>) | null>;
    }
    const timedFloor = async (fn: () => Promise<number>) => {
      const t = performance.now();
      const count = await fn();
      return { ms: performance.now() - t, statements: count };
    };
    // The first COUNTED requests of a workload are asked of the timed process's counting twin as well, untimed.
    const COUNTED = 10;
    const graphql = <R, V>(target: ApiProcess, token: string, document: Operation<R, V>, vars: (i: number) => V, what: string) => async (i: number) => {
      const r = expectOk(await gql(target.url, token, document, vars(i)), what);
      const twin = twinOf.get(target);
      const statements = twin ? (i < COUNTED ? expectOk(await gql(twin.url, token, document, vars(i)), what).statements : undefined) : r.statements;
      return { ms: r.ms, statements };
    };
    const sweep = (target: ApiProcess) => async (i: number) => {
      const timed = await sweepFindingsPages(target.url, auditor);
      const twin = twinOf.get(target)!;
      return { ms: timed.ms, statements: i === 0 ? (await sweepFindingsPages(twin.url, auditor)).statements : undefined };
    };
    const workloads: Workload[] = [10, 100].map((first) => ({
      name: `1. service list, first: ${first}`,
      iterations: 60,
      naiveEvery: first === 100 ? 4 : 2,
      run: {
        api: graphql(api, officer, SERVICE_LIST, () => ({ first }), 'service list'),
        floor: floorDb ? () => timedFloor(() => floorServiceList(floorDb, officer, first)) : null,
        naive: graphql(naive, officer, SERVICE_LIST, () => ({ first }), 'service list (naive)'),
        before: before && graphql(before, officer, SERVICE_LIST, () => ({ first }), 'service list (baseline)'),
      },
    }));
    workloads.push({
      name: '2. service page',
      iterations: 40,
      naiveEvery: 2,
      run: {
        api: graphql(api, officer, SERVICE_PAGE, (i) => ({ key: pageKeys[i % pageKeys.length] }), 'service page'),
        floor: floorDb ? (i) => timedFloor(() => floorServicePage(floorDb, officer, pageKeys[i % pageKeys.length])) : null,
        naive: graphql(naive, officer, SERVICE_PAGE, (i) => ({ key: pageKeys[i % pageKeys.length] }), 'service page (naive)'),
        before: before && graphql(before, officer, SERVICE_PAGE, (i) => ({ key: pageKeys[i % pageKeys.length] }), 'service page (baseline)'),
      },
    });
    workloads.push({
      name: `3. findings sweep (${serviceCount} services)`,
      iterations: 3,
      naiveEvery: 3,
      run: {
        // A page of 1,000 at a time (issue 14): the plain list is RESULT_TOO_LARGE above 10,000 findings. A baseline
        // from before findingsConnection sweeps with the plain list.
        api: sweep(api),
        floor: floorDb ? () => timedFloor(() => floorFindingsSweep(floorDb, auditor)) : null,
        naive: sweep(naive),
        before: before && graphql(before, auditor, FINDINGS_SWEEP, () => ({}), 'findings sweep (baseline)'),
      },
    });
    workloads.push({
      name: `6. transfer what-if (${serviceCount} services)`,
      iterations: 5,
      naiveEvery: 5,
      run: {
        api: graphql(api, auditor, TRANSFER_IMPACT, () => ({}), 'transfer what-if'),
        floor: null,
        naive: graphql(naive, auditor, TRANSFER_IMPACT, () => ({}), 'transfer what-if (naive)'),
        before: null,
      },
    });

    const asker = (target: ApiProcess, what: string) => async (kind: WarmKind, i: number) => {
      const key = pageKeys[i % pageKeys.length];
      const r = kind === 'service page' ? await gql(target.url, officer, SERVICE_PAGE, { key }) : await gql(target.url, officer, SERVICE_LIST, { first: kind === 'service list, first: 10' ? 10 : 100 });
      return expectOk(r, `${what} warm-up: ${kind}`).ms;
    };
    log(`warm-up: ${warmupRequests} requests to each process (${WARM_KINDS.join(', ')} in turn)`);
    const coldStart = await warmUp(
      [{ label: 'api', ask: asker(api, 'API') }, { label: 'naive', ask: asker(naive, 'naive peer') }, ...(before ? [{ label: 'before', ask: asker(before, 'baseline') }] : [])],
      warmupRequests,
    );

    const results = new Map<string, Record<Peer, Sample>>();
    const processOf: Partial<Record<Peer, ApiProcess>> = { api, naive, ...(before ? { before } : {}) };
    const peakRss = { api: 0, naive: 0 };
    for (const w of workloads) {
      log(`${w.name}: warm-up`);
      for (let i = 0; i < Math.min(5, w.iterations); i++) {
        await w.run.api!(i);
        if (w.run.floor) await w.run.floor(i);
        if (i % w.naiveEvery === 0 || w.iterations < 5) await w.run.naive!(i);
        if (w.run.before) await w.run.before(i);
        if (w.iterations < 5) break;
      }
      log(`${w.name}: ${w.iterations} requests`);
      const samples: Record<Peer, Sample> = { api: emptySample(), floor: emptySample(), naive: emptySample(), before: emptySample() };
      // CPU time each API process spends on the workload: its requests are the only ones it serves meanwhile.
      const cpuBefore = Object.fromEntries(Object.entries(processOf).map(([peer, p]) => [peer, cpuMs(p!.child.pid!)]));
      for (let i = 0; i < w.iterations; i++) {
        for (const peer of PEERS) {
          const run = w.run[peer];
          if (!run || (peer === 'naive' && i % w.naiveEvery !== 0)) continue;
          const r = await run(i);
          samples[peer].ms.push(r.ms);
          if (r.statements !== undefined && Number.isFinite(r.statements)) samples[peer].statements.push(r.statements);
        }
      }
      for (const [peer, p] of Object.entries(processOf)) samples[peer as Peer].cpuMs = (cpuMs(p!.child.pid!) - cpuBefore[peer]) / samples[peer as Peer].ms.length;
      peakRss.api = Math.max(peakRss.api, rssMb(api.child.pid!));
      peakRss.naive = Math.max(peakRss.naive, rssMb(naive.child.pid!));
      results.set(w.name, samples);
    }
    const pendingPool = await approvablePool(api.url, officer);
    const inventoryPool = await inventoryUpdatePool(api.url, officer);
    await naive.stop();
    await api.stop();
    for (const twin of twinOf.values()) await twin.stop();
    await before?.stop();
    apis.length = 0;

    // ------------------------------------------------------------ workload 5: mixed load, one process, then two behind a proxy
    const mixedRuns: MixedRun[] = [];
    log(`mixed load pools: ${pendingPool.length} approvable arrangements, ${inventoryPool.length} inventories`);
    // One process of this build, the same of the baseline (issue 14: at least 1.5x its requests per second), then two processes.
    const deployments: { replicas: number; baseline: boolean }[] = [{ replicas: 1, baseline: false }, ...(values.baseline ? [{ replicas: 1, baseline: true }] : []), { replicas: 2, baseline: false }];
    for (const [run, { replicas, baseline }] of deployments.entries()) {
      const processes: ApiProcess[] = [];
      for (let r = 0; r < replicas; r++) processes.push(await startApi(database.url, baseline ? {} : NOT_COUNTING, baseline ? baselineBuild : {}));
      apis.push(...processes);
      const proxy = replicas > 1 ? await roundRobinProxy(processes.map((p) => p.url)) : null;
      const entry = proxy?.url ?? processes[0].url;
      const checks: string[] = [];
      // A session made through the entry point (one process) must work on every process.
      const cookie = await login(entry, officer);
      for (const p of processes) {
        const viewer = await fetch(`${p.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: String(VIEWER_EMAIL) }) });
        const email = ((await viewer.json()) as { data?: ViewerEmailQuery }).data?.viewer?.email;
        if (email !== dataset.logins.officers[0].email) throw new Error(`session not accepted by ${p.url}`);
      }
      if (replicas > 1) {
        // A token minted on one process authenticates on the other.
        const minted = expectOk(await gql(processes[1].url, officer, CREATE_API_TOKEN, { name: 'scale-out check' }), 'createApiToken');
        const viewer = expectOk(await gql(processes[0].url, minted.body.data!.createApiToken.token, VIEWER_EMAIL), 'viewer with minted token');
        if (viewer.body.data!.viewer?.email !== dataset.logins.officers[0].email) throw new Error('minted token not accepted by the other process');
        checks.push('session cookie from one process accepted by both; token minted on one accepted by the other');
      }
      // The head before the run from a count (gap-free: count = head seq); the chain itself is verified after
      // the run, once the RSS sampler has stopped (rereading 50,000 events is not part of the mixed load).
      const headBefore = { headSeq: await auditCount(processes[0].url, auditor) };
      const runStart = new Date();
      // Every process warmed up as for workloads 1-3, then the measured run.
      await warmUp(processes.map((p, i) => ({ label: String(i), ask: asker(p, 'mixed load') })), warmupRequests);
      const plan: MixedPlan = {
        token: officer,
        cookie,
        listFirst: 100,
        pageKeys,
        approvals: pendingPool.splice(0, Math.ceil(pendingPool.length / (deployments.length - run))),
        inventoryUpdates: inventoryPool.splice(0, Math.ceil(inventoryPool.length / (deployments.length - run))),
        connections: 32,
        durationSeconds: duration,
        writeEvery: 20,
      };
      log(`5. mixed load on ${replicas} process(es)${baseline ? ' of the baseline' : ''}: ${duration} s, 32 connections`);
      const sampler = rssSampler(processes.map((p) => p.child.pid!));
      const result = await runMixed(entry, plan);
      const rss = sampler.stop();
      // Every write is visible, exactly once, from every process; the audit chain stays whole.
      // Writes still in flight when autocannon stops complete on the server unseen by the client: the
      // audit log, not the client, says how many writes the run made. Each must be one event of the
      // run's two kinds, and every write the client saw must be among them.
      await settled(() => auditCount(processes[0].url, auditor));
      const headAfter = await auditHead(processes[processes.length - 1].url, auditor);
      const events = await auditEventsFrom(processes[0].url, auditor, runStart);
      const writes = result.approved.length + result.inventories.length;
      const kinds = events.every((e) => e.action === 'sharing.approved' || e.action === 'inventory.replaced');
      const seen = new Set(events.map((e) => e.entityId));
      const covered = result.approved.every((a) => seen.has(a.id)) && result.inventories.every((u) => seen.has(u.serviceKey));
      const chainOk = headAfter.ok && headAfter.headSeq === headBefore.headSeq + events.length && kinds && covered && events.length >= writes;
      checks.push(
        `audit chain verifies, gap-free: ${headAfter.ok ? 'yes' : 'NO'}; the run appended ${events.length} events, one per write (${writes} seen by the client, ${events.length - writes} completed after it stopped listening): ${chainOk ? 'yes' : 'NO'}`,
      );
      if (!chainOk) {
        const actions = [...new Set(events.map((e) => e.action))].join(', ');
        checks.push(`(head ${headBefore.headSeq} -> ${headAfter.headSeq}, events ${events.length}, actions ${actions}, every write seen among them: ${covered})`);
      }
      let visible = 0;
      for (const [i, a] of result.approved.entries()) {
        const reader = processes[i % processes.length];
        const r = expectOk(await gql(reader.url, officer, ARRANGEMENT_APPROVALS, { id: a.id }), 'read approval');
        const row = r.body.data!.sharingArrangement;
        if (row && row.version === a.version + 1 && row.approvals.some((x) => x.approver.email === dataset.logins.officers[0].email)) visible++;
      }
      for (const [i, u] of result.inventories.entries()) {
        const reader = processes[(i + 1) % processes.length];
        const r = expectOk(await gql(reader.url, officer, SERVICE_RETENTIONS, { key: u.serviceKey }), 'read inventory');
        const got = (r.body.data!.service?.inventory ?? []).map((x) => x.retentionDays).sort().join();
        if (got === u.items.map((x) => x.retentionDays).sort().join()) visible++;
      }
      checks.push(`writes read back from ${replicas > 1 ? 'the other process' : 'the process'}: ${visible}/${writes}`);
      if (!chainOk || visible !== writes) result.errors += 1;
      mixedRuns.push({ label: baseline ? '1 process, baseline' : replicas === 1 ? '1 process' : `${replicas} processes, round-robin proxy`, baseline, result, rss, served: proxy?.served, checks });
      await proxy?.close();
      if (replicas === 1) {
        for (const p of processes) await p.stop();
        apis.length = 0;
      }
    }

    // ------------------------------------------------------------ workload 4: a global publish over every service policy
    log('4. global publish');
    // A write has no twin to ask its statement count: workload 4 runs on a fresh process of this build that counts them.
    for (const p of apis) await p.stop();
    apis.length = 0;
    const publisher = await startApi(database.url);
    apis.push(publisher);
    const current = expectOk(await gql(publisher.url, officer, CURRENT_POLICY_VERSION, { key: 'general' }), 'global policy');
    const version = current.body.data!.policy!.currentVersion!;
    const clauses = version.clauses.map((c) => (c.topic === 'RETENTION' && c.subject === 'device.log' ? { ...c, value: String(Math.max(1, Number(c.value) - 30)) } : c));
    const drafted = expectOk(await gql(publisher.url, officer, DRAFT_POLICY_VERSION, { policyKey: 'general', clauses }), 'draft');
    const publish = expectOk(
      await gql(publisher.url, officer, PUBLISH_POLICY_VERSION, {
        policyKey: 'general',
        number: drafted.body.data!.draftPolicyVersion.number,
        at: new Date().toISOString(),
      }),
      'publish',
    );
    const conflictCount = expectOk(await gql(publisher.url, auditor, OPEN_CONFLICTS), 'conflicts').body.data!.conflicts.length;
    const finalAudit = await auditHead(publisher.url, auditor);
    for (const p of apis) await p.stop();
    apis.length = 0;
    await floorDb?.end();

    // ------------------------------------------------------------ report
    const totalSeconds = (performance.now() - started) / 1000;
    const report = render({
      dialect,
      serverVersion,
      serviceCount,
      seed: values.seed!,
      genSeconds,
      counts: dataset.counts,
      results,
      coldStart,
      warmupRequests,
      baseline: values.baseline ? { path: values.baseline, flags: values['baseline-flags']! } : null,
      peakRss,
      publish: { ms: publish.ms, statements: publish.statements, services: dataset.servicesWithPolicy, openConflicts: conflictCount },
      mixedRuns,
      duration,
      auditOk: finalAudit.ok,
      totalSeconds,
    });
    console.log(report);
    mkdirSync(path.dirname(values.out!), { recursive: true });
    writeFileSync(values.out!, report);
    log(`written to ${path.relative(process.cwd(), values.out!)}; ${totalSeconds.toFixed(0)} s in all`);
  } finally {
    for (const p of apis) await p.stop().catch(() => undefined);
    if (!values.keep) await database.drop();
    else log(`kept the database: ${database.url}`);
  }
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...(i < a.length ? [a[i]] : []), ...(i < b.length ? [b[i]] : []));
  return out;
}

async function mysqlConnection(url: string) {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'mysql') throw new Error('the floor needs MySQL');
  return createConnection({ host: target.host, port: target.port, user: target.user, password: target.password, database: target.database, timezone: 'Z' });
}

async function login(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  const cookie = response.headers.get('set-cookie');
  if (!response.ok || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.split(';')[0];
}

/** The audit events from an instant on, oldest first. */
async function auditEventsFrom(url: string, token: string, from: Date): Promise<{ seq: number; action: string; entityId: string }[]> {
  const out: { seq: number; action: string; entityId: string }[] = [];
  let after: string | null = null;
  do {
    const r: Answer<AuditEventsFromQuery> = await gql(url, token, AUDIT_EVENTS_FROM, { from: from.toISOString(), after });
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    const page = r.body.data!.auditEvents;
    out.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** Waits until a reading stops changing (writes still in flight when the load generator stopped), at most 30 s. */
async function settled(read: () => Promise<number>): Promise<void> {
  let last = await read();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await read();
    if (now === last) return;
    last = now;
  }
}

async function auditCount(url: string, token: string): Promise<number> {
  const r = await gql(url, token, AUDIT_COUNT);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data!.auditEvents.totalCount;
}

async function auditHead(url: string, token: string): Promise<{ ok: boolean; headSeq: number }> {
  const r = await gql(url, token, AUDIT_HEAD);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  const { ok, headSeq } = r.body.data!.verifyAuditLog;
  return { ok, headSeq: headSeq ?? 0 };
}

/** Arrangements awaiting review whose blocking checks all pass for the officer (separation of duties included). */
async function approvablePool(url: string, token: string): Promise<{ id: string; version: number }[]> {
  const r = await gql(url, token, PENDING_ARRANGEMENTS);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data!.sharingArrangements
    .filter((a) => a.checks.every((c) => c.passed || c.name === 'SECOND_APPROVAL'))
    .map((a) => ({ id: a.id, version: a.version }));
}

/** The current inventories of the first 400 services, each with one item's retention changed: what an inventory update writes. */
async function inventoryUpdatePool(url: string, token: string): Promise<{ serviceKey: string; items: InventoryItemInput[] }[]> {
  const out: { serviceKey: string; items: InventoryItemInput[] }[] = [];
  let after: string | null = null;
  for (let page = 0; page < 2; page++) {
    const r: Answer<InventoriesQuery> = await gql(url, token, INVENTORIES, { after });
    if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
    after = r.body.data!.services.pageInfo.endCursor;
    for (const { node } of r.body.data!.services.edges) {
      const items: InventoryItemInput[] = node.inventory;
      if (!items.length) continue;
      items[0] = { ...items[0], retentionDays: items[0].retentionDays === 29 ? 28 : 29 };
      out.push({ serviceKey: node.key, items });
    }
  }
  return out;
}

interface MixedRun {
  label: string;
  baseline: boolean;
  result: MixedResult;
  rss: number[];
  served?: number[];
  checks: string[];
}

interface ReportInput {
  dialect: string;
  serverVersion: string;
  serviceCount: number;
  seed: string;
  genSeconds: number;
  counts: Record<string, number>;
  results: Map<string, Record<'api' | 'floor' | 'naive' | 'before', Sample>>;
  coldStart: ColdStart;
  warmupRequests: number;
  baseline: { path: string; flags: string } | null;
  peakRss: { api: number; naive: number };
  publish: { ms: number; statements: number; services: number; openConflicts: number };
  mixedRuns: MixedRun[];
  duration: number;
  auditOk: boolean;
  totalSeconds: number;
}

function render(input: ReportInput): string {
  const rows: string[][] = [];
  const beforeRows: string[][] = [];
  const targets: [string, boolean, string][] = [];
  for (const [name, s] of input.results) {
    const api = summary(s.api);
    const floor = summary(s.floor);
    const naive = summary(s.naive);
    rows.push([
      name,
      ms(api.p50),
      ms(api.p95),
      statements(api.statements),
      ms(s.api.cpuMs ?? NaN),
      ms(floor.p50),
      ratio(api.p50 / floor.p50),
      ms(naive.p50),
      statements(naive.statements),
      ratio(naive.p50 / api.p50),
      ms(s.naive.cpuMs ?? NaN),
    ]);
    if (s.before.ms.length) {
      const b = summary(s.before);
      beforeRows.push([name, ms(b.p50), statements(b.statements), ms(s.before.cpuMs ?? NaN), ms(api.p50), statements(api.statements), ms(s.api.cpuMs ?? NaN), ratio(b.p50 / api.p50)]);
    }
    if (name.startsWith('1.')) {
      const first = name.endsWith('100') ? 100 : 10;
      targets.push([`workload 1 (first: ${first}) at most 12 SQL statements per request`, (api.statements?.max ?? Infinity) <= 12, `${statements(api.statements)}`]);
      targets.push([`workload 1 (first: ${first}) p50 at most 2x the raw-SQL floor (issue 14; issue 7 asked 3x)`, api.p50 <= 2 * floor.p50, ratio(api.p50 / floor.p50)]);
      if (first === 100) targets.push(['workload 1 (first: 100) at least 10x faster than the naive peer', naive.p50 >= 10 * api.p50, ratio(naive.p50 / api.p50)]);
    }
    if (name.startsWith('2.')) {
      targets.push(['workload 2 at most 12 SQL statements per request', (api.statements?.max ?? Infinity) <= 12, statements(api.statements)]);
      targets.push(['workload 2 p50 at most 2.5x the raw-SQL floor', api.p50 <= 2.5 * floor.p50, ratio(api.p50 / floor.p50)]);
    }
    if (name.startsWith('3.')) targets.push([`workload 3 (${input.serviceCount} services) under 5 s`, api.p50 < 5000, `${ms(api.p50)} ms`]);
    // Since issue 14 the what-if reads the live arrangements 5,000 at a time: 3 statements plus 4 per batch (docs/benchmarks.md).
    if (name.startsWith('6.')) targets.push([`workload 6 (${input.serviceCount} services) under 2 s`, api.p50 < 2000, `${ms(api.p50)} ms, ${statements(api.statements)} SQL`]);
  }
  const w1 = [...input.results.entries()].filter(([n]) => n.startsWith('1.')).map(([, s]) => summary(s.api).statements);
  if (w1.length === 2 && w1[0] && w1[1]) {
    targets.push(['workload 1: the same statement count at first: 10 and first: 100', w1[0].min === w1[1].min && w1[0].max === w1[1].max, `${statements(w1[0])} / ${statements(w1[1])}`]);
  }
  rows.push([`4. global publish (${input.publish.services} service policies)`, ms(input.publish.ms), '', String(input.publish.statements), '', 'n/a', '', 'n/a', '', '', '']);
  targets.push(['workload 4 under 10 s', input.publish.ms < 10_000, `${ms(input.publish.ms)} ms`]);

  const mixedRows = input.mixedRuns.map((m) => [
    m.label,
    String(m.result.requests),
    m.result.reqPerSec.toFixed(1),
    ms(m.result.p50),
    ms(m.result.p99),
    String(m.result.errors),
    `${m.result.approved.length} + ${m.result.inventories.length}`,
    m.rss.map((r) => r.toFixed(0)).join(' / '),
  ]);
  const single = input.mixedRuns[0];
  if (single) {
    targets.push(['workload 5: zero errors', single.result.errors === 0, String(single.result.errors)]);
    targets.push(['workload 5: RSS under 400 MB', Math.max(...single.rss) < 400, `${Math.max(...single.rss).toFixed(0)} MB`]);
    targets.push(['workload 5 (one process): p99 under 1 s', single.result.p99 < 1000, `${ms(single.result.p99)} ms`]);
    const base = input.mixedRuns.find((m) => m.baseline);
    if (base) targets.push(['workload 5 (one process): at least 1.5x the baseline\'s requests per second', single.result.reqPerSec >= 1.5 * base.result.reqPerSec, `${single.result.reqPerSec.toFixed(1)} / ${base.result.reqPerSec.toFixed(1)} = ${ratio(single.result.reqPerSec / base.result.reqPerSec)}`]);
  }
  const scaled = input.mixedRuns.find((m) => m.served);
  if (scaled) targets.push(['workload 5 on two processes: zero errors, writes consistent', scaled.result.errors === 0, String(scaled.result.errors)]);

  const coldRows = WARM_KINDS.map((kind) => {
    const p50 = (label: string) => percentile(input.coldStart.get(label)?.[kind] ?? [], 50);
    const floor = summary(input.results.get(`${kind.startsWith('service page') ? '2.' : '1.'} ${kind}`)?.floor ?? emptySample()).p50;
    return [kind, ms(p50('api')), ratio(p50('api') / floor), ...(input.baseline ? [ms(p50('before'))] : []), ms(p50('naive'))];
  });
  const errorSamples = input.mixedRuns.flatMap((m) => m.result.graphqlErrors.slice(0, 5).map((e) => `- ${m.label}: ${e}`));
  return [
    `## Benchmark results`,
    '',
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${input.dialect} (${input.serverVersion}) · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    '',
    `Dataset: ${input.serviceCount} services, seed "${input.seed}", generated in ${input.genSeconds.toFixed(1)} s (${Object.entries(input.counts).map(([t, n]) => `${t} ${n}`).join(', ')}).`,
    '',
    `Times in ms, measured by the client, one request at a time, API, floor and naive peer interleaved, after each process served ${input.warmupRequests} requests of workloads 1 and 2 (warm-up: V8 optimises a process's code as it runs).`,
    '',
    table(['workload', 'p50', 'p95', 'SQL/req', 'CPU/req', 'floor p50', 'API / floor', 'naive p50', 'naive SQL/req', 'naive / API', 'naive CPU/req'], rows),
    '',
    'CPU/req: CPU time (user + system) the API process spent per request, from /proc: unlike wall time, barely moved by the load of the machine.',
    '',
    ...(beforeRows.length
      ? [
          `### Before and after, interleaved in the same run`,
          '',
          `Before: \`${input.baseline!.path}\` run with Node flags "${input.baseline!.flags}"; after: this checkout's build with "${API_NODE_FLAGS.join(' ')}".`,
          '',
          table(['workload', 'before p50', 'before SQL/req', 'before CPU/req', 'after p50', 'after SQL/req', 'after CPU/req', 'before / after'], beforeRows),
          '',
        ]
      : []),
    `#### Cold start: each process's first ${COLD_REQUESTS} requests of a kind, during the warm-up`,
    '',
    table(['workload', 'API p50', 'API / floor', ...(input.baseline ? ['before p50'] : []), 'naive p50'], coldRows),
    '',
    `Peak RSS after workloads 1-3: API ${input.peakRss.api.toFixed(0)} MB, naive peer ${input.peakRss.naive.toFixed(0)} MB. After the runs the audit chain verifies: ${input.auditOk ? 'yes' : 'NO'}.`,
    '',
    `### 5. Mixed load: ${input.duration} s, 32 connections, workloads 1 (first: 100) and 2, one request in 20 a write`,
    '',
    table(['deployment', 'requests', 'req/s', 'p50', 'p99', 'errors', 'writes (approvals + inventories)', 'peak RSS MB'], mixedRows),
    '',
    ...input.mixedRuns.flatMap((m) => [`${m.label}${m.served ? ` (requests per process: ${m.served.join(' / ')})` : ''}:`, ...m.checks.map((c) => `- ${c}`), '']),
    ...(errorSamples.length ? ['Errors seen:', ...errorSamples, ''] : []),
    '### Targets',
    '',
    table(['target', 'holds', 'measured'], targets.map(([t, ok, v]) => [t, ok ? 'yes' : '**no**', v])),
    '',
    `Whole run: ${input.totalSeconds.toFixed(0)} s.`,
    '',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
