import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A real Canopy API for the CLI's integration tests: the built bundle
 * dist/apps/api/main.js in a child process (the CLI may not import API code),
 * on an ephemeral port, over a fresh SQLite file or a fresh MariaDB/MySQL
 * database on the server TEST_MYSQL_URL names.
 */
export type Dialect = 'sqlite' | 'mysql';

export const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..');
export const API_BUNDLE = path.join(WORKSPACE, 'dist', 'apps', 'api', 'main.js');
export const ADMIN_EMAIL = 'root@canopy.test';
export const ADMIN_TOKEN = 'bootstrap-token-for-cli-tests-0123456789';

export function testDialects(): Dialect[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

export interface GqlAnswer<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface ApiProcess {
  url: string;
  /** GraphQL as the given token (the bootstrap admin by default); throws on errors unless `allowErrors`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  raw<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlAnswer<T>>;
  /** Creates a user with roles and teams; returns a token of theirs. */
  user(email: string, roles: string[], teamKeys?: string[]): Promise<string>;
  stop(): Promise<void>;
}

async function freshDatabase(dialect: Dialect): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'canopy-cli-test-'));
    return { url: `sqlite:${path.join(dir, 'canopy.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = new URL(process.env.TEST_MYSQL_URL ?? '');
  const name = `canopy_cli_${randomBytes(6).toString('hex')}`;
  const admin = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });
  const c = await admin();
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const auth = server.password ? `${server.username}:${server.password}` : server.username;
  return {
    url: `mysql://${auth}@${server.hostname}:${server.port || 3306}/${name}`,
    drop: async () => {
      const d = await admin();
      await d.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await d.end();
    },
  };
}

export async function startApi(dialect: Dialect): Promise<ApiProcess> {
  if (!existsSync(API_BUNDLE)) throw new Error(`${API_BUNDLE} is missing: run \`npx nx run api:build\` (the integration target depends on it)`);
  const database = await freshDatabase(dialect);
  const child: ChildProcess = spawn(process.execPath, [API_BUNDLE], {
    cwd: WORKSPACE,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      PORT: '0',
      NODE_ENV: 'test',
      CANOPY_DEMO: 'false',
      CANOPY_BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      CANOPY_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Canopy is running: (http:\/\/\S+)\/graphql/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code} before it was ready:\n${output}`));
    });
  });

  const raw: ApiProcess['raw'] = async (query, variables = {}, token = ADMIN_TOKEN) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlAnswer;
  };
  const gql: ApiProcess['gql'] = async (query, variables, token) => {
    const answer = await raw(query, variables, token);
    if (answer.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(answer.errors)}\nquery: ${query}`);
    return answer.data;
  };

  return {
    url,
    gql,
    raw,
    async user(email, roles, teamKeys = []) {
      await gql('mutation($e: String!, $r: [Role!]!, $t: [String!]) { createUser(email: $e, name: "Test User", roles: $r, teamKeys: $t) { id } }', { e: email, r: roles, t: teamKeys });
      return (await gql('mutation($e: String) { createApiToken(name: "cli-test", userEmail: $e) { token } }', { e: email })).createApiToken.token;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await database.drop();
    },
  };
}
