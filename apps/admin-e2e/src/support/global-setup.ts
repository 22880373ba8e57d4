import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { E2E_TMP, SCREENSHOTS, WORKSPACE, writeServerState } from './server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(baseUrl: string, child: ChildProcess, log: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was ready; see ${log}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API was not ready within ${timeoutMs / 1000} s; see ${log}`);
}

/**
 * Starts the built API (which serves the built console) on a free port and a
 * fresh SQLite file with demo data, as production would run it.
 */
export default async function globalSetup(): Promise<void> {
  for (const built of ['dist/apps/api/main.js', 'dist/apps/admin/index.html']) {
    if (!existsSync(path.join(WORKSPACE, built))) throw new Error(`${built} is missing: run \`npx nx run admin-e2e:e2e\`, which builds it first.`);
  }
  mkdirSync(E2E_TMP, { recursive: true });
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'canopy-e2e-'));
  const databaseFile = path.join(dir, 'canopy.sqlite');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = path.join(E2E_TMP, 'api.log');
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${databaseFile}`,
      CANOPY_DEMO: 'true',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  (globalThis as { __canopyApi?: ChildProcess; __canopyDir?: string }).__canopyApi = child;
  (globalThis as { __canopyDir?: string }).__canopyDir = dir;
  await waitForReady(baseUrl, child, log);
  writeServerState({ baseUrl, pid: child.pid ?? 0, databaseFile, log });
}
