import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Operation } from './graphql';

export const ROOT = path.resolve(__dirname, '..', '..');
/** This checkout's built API bundle. */
export const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
export const BENCH_TOKEN = 'benchmark-bootstrap-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Node flags the API is run with, here and in production (docs/deployment.md):
 * - a 64 MB semi-space instead of 16 MB, so the short-lived objects of the requests in flight die young
 *   instead of being copied and promoted (against 32 MB: 18% less CPU per service list of 100, 8% per page);
 * - a 256 MB old generation, as for a 512 MB container: without a limit V8 sizes the heap for the
 *   machine (24 GB here) and grows it lazily, to 500+ MB under the mixed load; with it, RSS stays
 *   near 220 MB and the 5,000-service findings sweep still fits (it needs under 192 MB).
 * BENCH_API_NODE_FLAGS replaces them, to compare settings.
 */
export const API_NODE_FLAGS = (process.env.BENCH_API_NODE_FLAGS ?? '--max-semi-space-size=64 --max-old-space-size=256').split(' ').filter(Boolean);

/** The environment of an API process timed as it runs in production: no per-request statement count (CANOPY_SQL_COUNT). */
export const NOT_COUNTING = { CANOPY_SQL_COUNT: 'false' };

export interface ApiBuild {
  /** The bundle to run (default: this checkout's dist/apps/api/main.js). */
  main?: string;
  /** Node flags (default API_NODE_FLAGS). */
  nodeFlags?: string[];
}

/** Starts the built API (dist/apps/api/main.js) as a child and waits until /readyz answers. */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}, build: ApiBuild = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(build.nodeFlags ?? API_NODE_FLAGS), build.main ?? API_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      // The API as it ships (graphql-js and Express skip their development checks), with the benchmark's
      // switches on: the SQL statement count per response (unless `env` has NOT_COUNTING), CANOPY_NAIVE_LOADERS.
      // A build from before CANOPY_BENCHMARK reports no count.
      NODE_ENV: 'production',
      CANOPY_BENCHMARK: 'true',
      CANOPY_DEMO: 'false',
      LOG_LEVEL: 'warn',
      CANOPY_BOOTSTRAP_ADMIN_EMAIL: 'bench@canopy.test',
      CANOPY_BOOTSTRAP_TOKEN: BENCH_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After "pid (comm) ": state is field 0, utime 11, stime 12, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export interface Timed<T> {
  ms: number;
  statements: number;
  body: T;
}

export type Answer<R> = Timed<{ data?: R; errors?: unknown[] }>;

/** One GraphQL request, timed, with the server's SQL statement count for it. */
export async function gql<R, V>(url: string, token: string, document: Operation<R, V>, variables?: V): Promise<Answer<R>> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
  });
  const body = (await response.json()) as { data?: R; errors?: unknown[] };
  const counted = response.headers.get('x-canopy-sql-statements');
  return { ms: performance.now() - started, statements: counted === null ? NaN : Number(counted), body };
}
