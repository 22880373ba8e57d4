import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
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

/** Starts the built API (dist/apps/api/main.js) as a child and waits until /readyz answers. */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'test',
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

export interface Timed<T> {
  ms: number;
  statements: number;
  body: T;
}

/** One GraphQL request, timed, with the server's SQL statement count for it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped GraphQL payloads; the benchmark checks what it reads
export async function gql<T = Record<string, any>>(url: string, token: string, query: string, variables: object = {}): Promise<Timed<{ data?: T; errors?: unknown[] }>> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  return { ms: performance.now() - started, statements: Number(response.headers.get('x-canopy-sql-statements')), body };
}
