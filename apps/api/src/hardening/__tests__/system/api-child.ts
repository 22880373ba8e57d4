import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_EMAIL, ADMIN_TOKEN } from '../../../testing/test-server';
import { freePort } from './private-mariadb';

export const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');
export const API_BUNDLE = path.join(WORKSPACE, 'dist', 'apps', 'api', 'main.js');
export { ADMIN_TOKEN };

export interface Answer<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** Set when no HTTP answer came back at all (connection refused or reset). */
  network?: string;
}

/**
 * The built API (`node dist/apps/api/main.js`, as in production) in a child
 * process on a free port, so a test can SIGKILL or SIGTERM it and watch it
 * exit. Its log (JSON lines) is kept for the assertions and failure messages.
 */
export class ApiChild {
  output = '';
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiChild> {
    if (!existsSync(API_BUNDLE)) throw new Error(`${API_BUNDLE} is missing: run \`npx nx run api:build\` (the api:system target depends on it)`);
    const port = await freePort();
    const child = spawn(process.execPath, [API_BUNDLE], {
      cwd: WORKSPACE,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        NODE_ENV: 'production',
        CANOPY_DEMO: 'false',
        CANOPY_BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
        CANOPY_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiChild(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} before it was ready:\n${api.output.slice(-3000)}`);
      try {
        if ((await fetch(`${api.url}/readyz`)).ok) return api;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the API was not ready within 60 s:\n${api.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN, timeoutMs = 60_000): Promise<Answer<T>> {
    try {
      const response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      try {
        return { status: response.status, ...(JSON.parse(text) as object) };
      } catch {
        return { status: response.status, errors: [{ message: text.slice(0, 200), extensions: { code: 'NOT_JSON' } }] };
      }
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause;
      return { status: 0, network: cause?.code ?? (error as Error).name };
    }
  }

  /** Runs an operation that must succeed. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN): Promise<T> {
    const r = await this.gql<T>(query, variables, token);
    if (r.errors || r.status !== 200) throw new Error(`expected success, got HTTP ${r.status} ${JSON.stringify(r.errors ?? r.network)}\nquery: ${query}`);
    return r.data as T;
  }

  async readyz(): Promise<number> {
    try {
      return (await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(10_000) })).status;
    } catch {
      return 0;
    }
  }

  async user(email: string, roles: string[], teamKeys: string[] = []): Promise<string> {
    await this.ok('mutation($e: String!, $r: [Role!]!, $t: [String!]) { createUser(email: $e, name: "Resilience", roles: $r, teamKeys: $t) { id } }', { e: email, r: roles, t: teamKeys });
    return (await this.ok('mutation($e: String) { createApiToken(name: "resilience", userEmail: $e) { token } }', { e: email })).createApiToken.token;
  }

  /** The log lines the API wrote, parsed (pino JSON). */
  logLines(): Record<string, unknown>[] {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return {};
        }
      });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exit;
    clearTimeout(timer);
  }
}
