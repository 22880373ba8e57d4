/**
 * Workload 5, the mixed load: autocannon over workloads 1 and 2 with 5%
 * writes (sharing approvals and inventory updates), against one API process
 * or several behind a round-robin proxy on loopback; the process's resident
 * memory sampled meanwhile.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { APPROVE_SHARING, InventoryItemInput, SET_INVENTORY } from './operations';
import { SERVICE_LIST, SERVICE_PAGE } from './workloads';

/** Resident set size of a process in MB (Linux /proc; 0 elsewhere). */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the peak RSS of some processes until stopped. */
export function rssSampler(pids: number[], everyMs = 200) {
  const peak = new Map(pids.map((pid) => [pid, rssMb(pid)]));
  const timer = setInterval(() => {
    for (const pid of pids) peak.set(pid, Math.max(peak.get(pid) ?? 0, rssMb(pid)));
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return pids.map((pid) => Math.max(peak.get(pid) ?? 0, rssMb(pid)));
    },
  };
}

/** A round-robin HTTP proxy on loopback: each request goes to the next target, whatever connection it came on. */
export async function roundRobinProxy(targets: string[]): Promise<{ url: string; served: number[]; close(): Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % targets.length;
    served[index]++;
    const target = new URL(targets[index]);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface MixedPlan {
  /** An officer's bearer token, and a session cookie of the same officer (reads alternate between the two). */
  token: string;
  cookie: string;
  listFirst: number;
  pageKeys: string[];
  /** PENDING_REVIEW arrangements whose checks pass for this officer; each is approved at most once. */
  approvals: { id: string; version: number }[];
  /** Services whose inventory a write replaces, each at most once, with the items it writes. */
  inventoryUpdates: { serviceKey: string; items: InventoryItemInput[] }[];
  connections: number;
  durationSeconds: number;
  /** One request in this many is a write. */
  writeEvery: number;
}

export interface MixedResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Socket errors, timeouts, non-2xx answers and GraphQL errors. */
  errors: number;
  graphqlErrors: string[];
  approved: { id: string; version: number }[];
  inventories: { serviceKey: string; items: InventoryItemInput[] }[];
}

/** A fixed pseudo-random bit per request number (an integer hash), so runs are repeatable. */
function mix(i: number): boolean {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) & 1) === 1;
}

/** Runs the mixed load against `url` (one API process, or the proxy in front of several). */
export async function runMixed(url: string, plan: MixedPlan): Promise<MixedResult> {
  let n = 0;
  let writes = 0;
  const approvals = [...plan.approvals];
  const updates = [...plan.inventoryUpdates];
  const graphqlErrors: string[] = [];
  const approved: MixedResult['approved'] = [];
  const inventories: MixedResult['inventories'] = [];

  const instance = autocannon({
    url,
    connections: plan.connections,
    duration: plan.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (request, context): typeof request => {
          const i = n++;
          const auth: Record<string, string> = i % 4 < 2 ? { authorization: `Bearer ${plan.token}` } : { cookie: plan.cookie };
          let body: object;
          context.write = null;
          if (i % plan.writeEvery === plan.writeEvery - 1 && (approvals.length || updates.length)) {
            // Writes alternate between approvals and inventory updates, and always as the officer's token.
            const approval = writes++ % 2 === 0 || !updates.length ? approvals.shift() : undefined;
            if (approval) {
              body = { query: String(APPROVE_SHARING), variables: { id: approval.id, v: approval.version } };
              context.write = { kind: 'approval', ...approval };
            } else {
              const update = updates.shift()!;
              body = { query: String(SET_INVENTORY), variables: { serviceKey: update.serviceKey, items: update.items } };
              context.write = { kind: 'inventory', ...update };
            }
            return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` }, body: JSON.stringify(body) };
          }
          // Half lists, half service pages, in an order uncorrelated with the proxy's round robin and the credentials.
          body = mix(i) ? { query: String(SERVICE_LIST), variables: { first: plan.listFirst } } : { query: String(SERVICE_PAGE), variables: { key: plan.pageKeys[i % plan.pageKeys.length] } };
          const headers: Record<string, string> = { 'content-type': 'application/json', ...auth };
          return { ...request, headers, body: JSON.stringify(body) };
        },
        onResponse: (status, body, context) => {
          let parsed: { errors?: { message: string; extensions?: { code?: string } }[] } = {};
          try {
            parsed = JSON.parse(body);
          } catch {
            graphqlErrors.push(`HTTP ${status}: unparseable body`);
          }
          if (parsed.errors?.length) graphqlErrors.push(`${parsed.errors[0].extensions?.code ?? ''} ${parsed.errors[0].message}`.slice(0, 200));
          const write = context.write as ({ kind: 'approval'; id: string; version: number } | ({ kind: 'inventory' } & MixedResult['inventories'][number])) | null;
          if (write && status === 200 && !parsed.errors?.length) {
            if (write.kind === 'approval') approved.push({ id: write.id, version: write.version });
            else inventories.push({ serviceKey: write.serviceKey, items: write.items });
          }
        },
      },
    ],
  });
  const result = await instance;
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors.length,
    graphqlErrors,
    approved,
    inventories,
  };
}
