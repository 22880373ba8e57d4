import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli';
import { type CliIo, openFileWriter, readFileLines } from '../io';
import { WORKSPACE } from './api-process';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --output json and --format json). */
  json<T = any>(): T;
}

/** A scratch directory for manifests and exports. */
export function scratch(): { dir: string; write(name: string, content: string): string; read(name: string): string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'canopy-cli-files-'));
  return {
    dir,
    write: (name, content) => {
      writeFileSync(path.join(dir, name), content);
      return name;
    },
    read: (name) => readFileSync(path.join(dir, name), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const result = (code: number, stdout: string, stderr: string): CliRun => ({ code, stdout, stderr, json: () => JSON.parse(stdout) });

/** Runs the CLI in-process (real HTTP to the API, real files in `cwd`). */
export async function cli(argv: string[], env: { url: string; token: string }, cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { readFile, writeFile } = await import('node:fs/promises');
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env: { CANOPY_URL: env.url, CANOPY_TOKEN: env.token },
    cwd,
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, c) => writeFile(p, c, 'utf8'),
    openWrite: openFileWriter,
    readLines: readFileLines,
    fetch: globalThis.fetch,
  };
  const code = await runCli(argv, io);
  return result(code, stdout, stderr);
}

/** Runs a bin as a child process, as CI would: `node <bin> ...argv`. */
export function spawnCli(bin: string, argv: string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.resolve(WORKSPACE, bin), ...argv], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      resolve(result(code, stdout, stderr));
    });
  });
}
