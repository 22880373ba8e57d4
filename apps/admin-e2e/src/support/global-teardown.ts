import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Stops the API this run started (by its own handle, never by name) and removes its database. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __canopyApi?: ChildProcess; __canopyDir?: string };
  const child = state.__canopyApi;
  if (child && child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (state.__canopyDir) rmSync(state.__canopyDir, { recursive: true, force: true });
}
