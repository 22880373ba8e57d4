import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiChild, WORKSPACE } from './system/api-child';
import { checkConsistency } from './system/consistency';
import { PrivateMariaDb } from './system/private-mariadb';
import { Acknowledged, Workload } from './system/workload';

const ROUNDS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function merge(into: Acknowledged, from: Acknowledged): void {
  for (const key of from.registered) into.registered.add(key);
  for (const [key, markers] of from.inventories) into.inventories.set(key, new Set([...(into.inventories.get(key) ?? []), ...markers]));
  for (const [key, names] of from.renames) into.renames.set(key, new Set([...(into.renames.get(key) ?? []), ...names]));
}

interface Target {
  url: string;
  /** Resolves once a write transaction is open in the database (MariaDB), or after a random pause (SQLite). */
  midTransaction(): Promise<boolean>;
  close(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(tmpdir(), 'canopy-crash-'));
  return {
    url: `sqlite:${path.join(dir, 'canopy.sqlite')}`,
    midTransaction: async () => {
      await sleep(100 + Math.random() * 400);
      return false;
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function mariadbTarget(): Promise<Target> {
  const db = await PrivateMariaDb.create();
  const url = await db.createDatabase('canopy');
  return {
    url,
    midTransaction: async () => {
      const c = await db.connect();
      try {
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const [rows] = await c.query(
            "SELECT COUNT(*) AS n FROM information_schema.innodb_trx t JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id WHERE p.db = 'canopy' AND t.trx_rows_modified > 0",
          );
          if (Number((rows as { n: number }[])[0].n) > 0) return true;
        }
        return false;
      } finally {
        await c.end();
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * SIGKILL of the API mid-mutation, five times over: each write is one
 * transaction holding the change and its audit event, so the database must
 * hold both or neither, and every write the API acknowledged before dying.
 */
describe.each([
  ['SQLite', sqliteTarget],
  ['MariaDB', mariadbTarget],
])('the database of an API killed mid-mutation (%s)', (name, makeTarget) => {
  let target: Target;
  let api: ApiChild | null = null;
  const figures: Record<string, unknown> = { database: name, rounds: ROUNDS, killsWithTransactionOpen: 0, inFlightAtKill: 0, acknowledgedWrites: 0 };

  beforeAll(async () => {
    target = await makeTarget();
  });
  afterAll(async () => {
    await api?.stop();
    await target?.close();
    mkdirSync(path.join(WORKSPACE, 'tmp', 'reliability'), { recursive: true });
    writeFileSync(path.join(WORKSPACE, 'tmp', 'reliability', `api-crash-${name.toLowerCase()}.json`), JSON.stringify(figures, null, 2));
  });

  it(`should hold each change with its audit event or neither, and every acknowledged write, after ${ROUNDS} SIGKILLs`, async () => {
    const acknowledged: Acknowledged = { registered: new Set(), inventories: new Map(), renames: new Map() };
    api = await ApiChild.start(target.url);
    await api.ok('mutation { createTeam(key: "load", name: "Load") { key } }');
    const token = await api.user('officer@crash.test', ['PRIVACY_OFFICER']);

    for (let round = 1; round <= ROUNDS; round++) {
      const load = new Workload(api, token, 'load', `r${round}`, 12);
      load.start();
      await sleep(300);
      const open = await target.midTransaction();
      const killedAt = Date.now();
      api.kill('SIGKILL');
      const exit = await api.exit;
      expect(exit.signal).toBe('SIGKILL');
      await load.stop();
      merge(acknowledged, load.acknowledged);
      figures.killsWithTransactionOpen = Number(figures.killsWithTransactionOpen) + (open ? 1 : 0);
      figures.inFlightAtKill = Number(figures.inFlightAtKill) + load.inFlightAt(killedAt).length;

      // The next process starts on whatever the killed one left, and serves.
      api = await ApiChild.start(target.url);
      const consistency = await checkConsistency(api, acknowledged);
      expect({ round, problems: consistency.problems }).toEqual({ round, problems: [] });
    }

    const final = await checkConsistency(api, acknowledged);
    expect(final.auditOk).toBe(true);
    expect(final.problems).toEqual([]);
    if (name === 'MariaDB') expect(figures.killsWithTransactionOpen).toBe(ROUNDS);
    expect(Number(figures.inFlightAtKill)).toBeGreaterThan(0);
    Object.assign(figures, {
      acknowledgedWrites: acknowledged.registered.size + [...acknowledged.inventories.values(), ...acknowledged.renames.values()].reduce((n, s) => n + s.size, 0),
      services: final.services,
      auditEvents: final.checkedEvents,
      lostWrites: 0,
      halfApplied: 0,
    });
    console.log(`API SIGKILL on ${name}: ${JSON.stringify(figures)}`);
  });
});
