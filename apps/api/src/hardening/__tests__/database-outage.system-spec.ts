import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiChild, WORKSPACE } from './system/api-child';
import { checkConsistency } from './system/consistency';
import { PrivateMariaDb } from './system/private-mariadb';
import { Workload } from './system/workload';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The generous bound for service to resume once the database is back. */
const RECOVERY_BOUND_MS = 30_000;

/**
 * The database goes away under load and comes back: MariaDB of the test's
 * own, stopped with requests in flight (a crash, then a clean shutdown),
 * restarted on the same data directory. The API process must not crash, must
 * answer cleanly meanwhile (SERVICE_UNAVAILABLE / 503, readyz 503), resume by
 * itself, and lose or half-apply nothing.
 */
describe('the API when its MariaDB goes away and comes back', () => {
  let db: PrivateMariaDb;
  let api: ApiChild;
  let token: string;
  const figures: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    api = await ApiChild.start(await db.createDatabase('canopy'));
    await api.ok('mutation { createTeam(key: "load", name: "Load") { key } }');
    token = await api.user('officer@faults.test', ['PRIVACY_OFFICER']);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
    mkdirSync(path.join(WORKSPACE, 'tmp', 'reliability'), { recursive: true });
    writeFileSync(path.join(WORKSPACE, 'tmp', 'reliability', 'database-outage.json'), JSON.stringify(figures, null, 2));
  });

  it.each([
    ['a crash (SIGKILL)', 'SIGKILL' as const],
    ['a clean shutdown (SIGTERM)', 'SIGTERM' as const],
  ])('should survive %s of the database with requests in flight and resume without a restart', async (fault, signal) => {
    const load = new Workload(api, token, 'load', signal.toLowerCase());
    load.start();
    await sleep(1500);
    const okBefore = load.tally.ok;
    expect(okBefore).toBeGreaterThan(10);

    const stopAt = Date.now();
    await db.stop(signal);
    const downAt = Date.now();
    await sleep(2500);
    // While it is away: the process lives, readiness says so, requests fail cleanly.
    expect(api.alive).toBe(true);
    expect(await api.readyz()).toBe(503);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const during = await api.gql('{ services(first: 5) { totalCount } }', {}, token);
    expect(during.status).toBe(503);
    expect(during.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(during)).not.toMatch(/ECONNREFUSED|ER_|at .*\.js|mysql/i);
    const failedDuringOutage = load.tally.clean.SERVICE_UNAVAILABLE ?? 0;

    await db.start();
    const upAt = Date.now();
    let recoveredAt = 0;
    while (Date.now() - upAt < RECOVERY_BOUND_MS + 5000) {
      const ready = (await api.readyz()) === 200;
      const write = ready && (await api.gql('mutation($k: String!) { createTeam(key: $k, name: "Probe") { key } }', { k: `probe-${Date.now()}` })).status === 200;
      if (write) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(100);
    }
    expect(recoveredAt).toBeGreaterThan(0);
    const recoveryMs = recoveredAt - upAt;
    expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);

    const okAtRecovery = load.tally.ok;
    await sleep(2000);
    const tally = await load.stop();
    expect(tally.ok).toBeGreaterThan(okAtRecovery);
    expect(api.alive).toBe(true);
    expect(tally.unclean).toEqual([]);
    expect(failedDuringOutage).toBeGreaterThan(0);
    // Requests in flight when the database went: each answered, successfully or with a clean error.
    const inFlight = load.inFlightAt(stopAt);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.filter((s) => s.outcome === 'unclean')).toEqual([]);

    const consistency = await checkConsistency(api, load.acknowledged);
    expect(consistency.problems).toEqual([]);
    expect(consistency.auditOk).toBe(true);

    const unexpected = api.logLines().filter((l) => l.msg === 'unexpected error' || l.level === 60);
    expect(unexpected.map((l) => JSON.stringify(l).slice(0, 300))).toEqual([]);

    figures.push({
      fault,
      outageMs: upAt - stopAt,
      stopMs: downAt - stopAt,
      inFlightAtStop: inFlight.length,
      inFlightFailedCleanly: inFlight.filter((s) => s.outcome === 'clean').length,
      recoveryMs,
      requests: tally.requests,
      ok: tally.ok,
      clean: tally.clean,
      unclean: tally.unclean.length,
      byStatus: tally.byStatus,
      services: consistency.services,
      auditEvents: consistency.checkedEvents,
      acknowledgedWrites: load.acknowledged.registered.size + [...load.acknowledged.inventories.values(), ...load.acknowledged.renames.values()].reduce((n, s) => n + s.size, 0),
      lostWrites: 0,
    });
    console.log(`${fault}: ${JSON.stringify(figures[figures.length - 1])}`);
  });
});
