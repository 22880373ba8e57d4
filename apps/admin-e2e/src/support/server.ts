import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the global setup leaves what the tests need to find the server. */
export const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..');
export const E2E_TMP = path.join(WORKSPACE, 'tmp', 'e2e');
export const SCREENSHOTS = path.join(WORKSPACE, 'tmp', 'e2e-screenshots');
const STATE = path.join(E2E_TMP, 'server.json');

export interface ServerState {
  baseUrl: string;
  pid: number;
  databaseFile: string;
  log: string;
}

export function writeServerState(state: ServerState): void {
  mkdirSync(E2E_TMP, { recursive: true });
  writeFileSync(STATE, JSON.stringify(state, null, 2));
}

export function readServerState(): ServerState {
  return JSON.parse(readFileSync(STATE, 'utf8')) as ServerState;
}
