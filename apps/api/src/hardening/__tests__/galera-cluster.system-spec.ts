import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { GaleraCluster, galeraPrerequisites, startGaleraCluster } from '@canopy/galera';
import { WRITE_RETRIED } from '../../common/write-retry';
import { PERMISSIVE_GLOBAL } from '../../testing/fixtures';
import { ApiChild, WORKSPACE } from './system/api-child';
import { GaleraWorkload, RENAMED_SERVICE, SERVICE_POLICY, SHARED_SERVICES, Via } from './system/galera-workload';

interface EventRow {
  seq: number;
  hash: string;
  action: string;
  entityType: string;
  entityId: string;
  after: any;
}

const EMOJI_NAME = 'Karten 🗺️ Straße 😀';

/** Every audit event, oldest first, as one process reads them. */
async function auditEvents(api: ApiChild): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await api.ok('query($after: String) { auditEvents(first: 500, after: $after) { edges { node { seq hash action entityType entityId after } } pageInfo { hasNextPage endCursor } } }', { after });
    rows.push(...page.auditEvents.edges.map((e: { node: EventRow }) => e.node));
    if (!page.auditEvents.pageInfo.hasNextPage) return rows.sort((a, b) => a.seq - b.seq);
    after = page.auditEvents.pageInfo.endCursor;
  }
}

const linesOf = (api: ApiChild, message: string) => api.logLines().filter((l) => l.msg === message);

/**
 * Canopy on a three-node MariaDB Galera cluster (multi-primary): two API
 * processes on two different nodes take concurrent writes. The cluster is
 * the test's own (tools/galera: own data directories and ports, rsync SST),
 * and its servers keep MariaDB's latin1 default, so the database Canopy
 * migrates is created latin1, as on a bare install.
 */
describe('Canopy on a Galera cluster, two API processes on two nodes', () => {
  let cluster: GaleraCluster;
  const apis = {} as Record<Via, ApiChild>;
  let officers: [string, string];
  let engineer: string;
  const startedAt = Date.now();
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    const missing = galeraPrerequisites();
    if (missing.length) throw new Error(`Galera test prerequisites missing (.ci/run installs them): ${missing.join(', ')}`);
    cluster = await startGaleraCluster();
    figures.clusterStartMs = Date.now() - startedAt;
    // A first: it migrates and creates the bootstrap admin; B finds both done.
    apis.A = await ApiChild.start(cluster.urls[0]);
    apis.B = await ApiChild.start(cluster.urls[1]);

    const a = apis.A;
    await a.ok('mutation { createTeam(key: "geo", name: "Geo") { key } }');
    officers = [await a.user('dpo-a@galera.test', ['PRIVACY_OFFICER']), await a.user('dpo-b@galera.test', ['PRIVACY_OFFICER'])];
    engineer = await a.user('geo@galera.test', ['ENGINEER'], ['geo']);
    for (const key of [...SHARED_SERVICES, RENAMED_SERVICE, 'maps']) {
      await a.ok('mutation($i: RegisterServiceInput!) { registerService(input: $i) { key } }', { i: { key, name: key, teamKey: 'geo' } }, officers[0]);
    }
    const inventory = ['device.log', 'device.location'].map((dataCategory) => ({ dataCategory, purposes: ['service.provide'], source: 'USER_PROVIDED', legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT' }));
    await a.ok('mutation($items: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $items) { key } }', { items: inventory }, engineer);
    const year = 365 * 24 * 3600 * 1000;
    await a.ok('mutation($i: RegisterProcessorInput!) { registerProcessor(input: $i) { key } }', {
      i: { key: 'tiles', name: 'Tiles Inc.', country: 'DE', dpaSignedAt: new Date(Date.now() - year).toISOString(), dpaExpiresAt: new Date(Date.now() + year).toISOString() },
    }, officers[0]);
    await a.ok('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { key } }', {}, officers[0]);
    const drafted = await a.ok('mutation($c: [ClauseInput!]!) { draftPolicyVersion(input: { policyKey: "general", clauses: $c }) { number } }', { c: PERMISSIVE_GLOBAL }, officers[0]);
    await a.ok('mutation($n: Int!, $at: DateTime!) { publishPolicyVersion(input: { policyKey: "general", number: $n, effectiveAt: $at }) { number } }', { n: drafted.draftPolicyVersion.number, at: new Date().toISOString() }, officers[0]);
    await a.ok(`mutation { createPolicy(input: { key: "${SERVICE_POLICY}", title: "Maps", scope: SERVICE, serviceKey: "maps" }) { key } }`, {}, engineer);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([apis.A?.stop(), apis.B?.stop()]);
    await cluster?.stop();
    figures.totalMs = Date.now() - startedAt;
    mkdirSync(path.join(WORKSPACE, 'tmp', 'reliability'), { recursive: true });
    writeFileSync(path.join(WORKSPACE, 'tmp', 'reliability', 'galera.json'), JSON.stringify(figures, null, 2));
    console.log(`Galera: ${JSON.stringify(figures)}`);
  });

  it('should run on servers whose default character set is latin1, storing emoji and comparing keys byte for byte on every node', async () => {
    const node = await createConnection({ host: '127.0.0.1', port: cluster.nodes[2].port, user: 'root' });
    const [[server]] = (await node.query('SELECT @@character_set_server AS charset')) as any;
    await node.end();
    expect(server.charset).toBe('latin1');

    await apis.A.ok('mutation($n: String!) { registerService(input: { key: "emoji", name: $n, teamKey: "geo" }) { key } }', { n: EMOJI_NAME }, officers[0]);
    expect((await apis.B.ok('{ service(key: "emoji") { name } }', {}, officers[1])).service).toEqual({ name: EMOJI_NAME });
    for (const key of ['EMOJI', 'emoji ', 'Emoji']) {
      expect({ key, found: (await apis.B.ok('query($k: String!) { service(key: $k) { key } }', { k: key }, officers[1])).service }).toEqual({ key, found: null });
    }
  });

  it('should answer every concurrent write without an error, retrying what the cluster aborted, with one winner per race', async () => {
    const before = (await apis.A.ok('{ verifyAuditLog { ok checkedEvents } }')).verifyAuditLog;
    const retriesBefore = { A: linesOf(apis.A, WRITE_RETRIED).length, B: linesOf(apis.B, WRITE_RETRIED).length };
    const workload = new GaleraWorkload(apis, officers, engineer);
    const phaseStart = Date.now();
    await workload.run({ tokensPerProcess: 20, inventoryLanesPerProcess: 2, inventoriesPerLane: 20, raceRounds: 8 });
    const phaseMs = Date.now() - phaseStart;

    const races = workload.races;
    const raceLosses = races.reduce((n, r) => n + r.loserCodes.length, 0);
    const errors = workload.calls.filter((c) => c.code !== null);
    const retryLines = (['A', 'B'] as const).flatMap((via) => linesOf(apis[via], WRITE_RETRIED).slice(retriesBefore[via]));
    const retries = retryLines.length;
    Object.assign(figures, {
      phaseMs,
      requests: workload.calls.length,
      writes: workload.writes,
      retries,
      mostAttempts: Math.max(1, ...retryLines.map((l) => Number(l.attempt) + 1)),
      gaveUp: linesOf(apis.A, 'write transaction gave up').length + linesOf(apis.B, 'write transaction gave up').length,
      errors: errors.length - raceLosses,
      races: races.length,
      raceLosers: races.flatMap((r) => r.loserCodes).reduce<Record<string, number>>((n, code) => ({ ...n, [String(code)]: (n[String(code)] ?? 0) + 1 }), {}),
      byProcess: { A: workload.calls.filter((c) => c.via === 'A').length, B: workload.calls.filter((c) => c.via === 'B').length },
    });

    // One winner per race; the loser told why (a versioned transition: VERSION_CONFLICT; a publish, which takes no version: INVALID_TRANSITION).
    const expectedLoser = { approval: 'VERSION_CONFLICT', rename: 'VERSION_CONFLICT', publish: 'INVALID_TRANSITION' };
    expect(races.filter((r) => r.winners.length !== 1 || r.loserCodes.length !== 1 || r.loserCodes[0] !== expectedLoser[r.race])).toEqual([]);
    expect(races).toHaveLength(24);
    // Nothing else failed: no INTERNAL_SERVER_ERROR, no SERVICE_UNAVAILABLE after the retries ran out.
    const raceOps = new Set(['approveSharing', 'publishPolicyVersion', 'updateService']);
    expect(errors.filter((e) => !raceOps.has(e.op))).toEqual([]);
    expect(errors.filter((e) => e.code !== 'VERSION_CONFLICT' && e.code !== 'INVALID_TRANSITION')).toEqual([]);
    expect(figures.gaveUp).toBe(0);
    // The two nodes did collide (every write bumps the audit head), and the collisions were retried.
    expect(retries).toBeGreaterThan(0);
    for (const api of [apis.A, apis.B]) {
      expect(api.logLines().filter((l) => l.msg === 'unexpected error' || (typeof l.level === 'number' && l.level >= 50)).map((l) => JSON.stringify(l).slice(0, 300))).toEqual([]);
    }

    // The audit chain: the same on both processes, gap-free and verified, one event per acknowledged write (a retried
    // mutation's earlier attempts rolled back with their events), none for a race's loser.
    const verified = await Promise.all([apis.A, apis.B].map(async (api) => (await api.ok('{ verifyAuditLog { ok checkedEvents firstBrokenSeq } }')).verifyAuditLog));
    expect(verified[0]).toEqual({ ok: true, checkedEvents: before.checkedEvents + workload.writes, firstBrokenSeq: null });
    expect(verified[1]).toEqual(verified[0]);
    const [eventsA, eventsB] = await Promise.all([auditEvents(apis.A), auditEvents(apis.B)]);
    expect(eventsB).toEqual(eventsA);
    expect(eventsA.map((e) => e.seq)).toEqual(eventsA.map((_, i) => i + 1));
    figures.auditEvents = eventsA.length;

    const ack = workload.acknowledged;
    const eventsOf = (action: string, entityId?: string) => eventsA.filter((e) => e.action === action && (entityId === undefined || e.entityId === entityId));
    for (const token of ack.tokens) expect({ token: token.id, events: eventsOf('token.created', token.id).length }).toEqual({ token: token.id, events: 1 });
    for (const [key, acked] of ack.inventories) {
      const markers = eventsOf('inventory.replaced', key).map((e) => e.after.items[0].retentionDays);
      expect(markers.filter((m) => m >= 10_000).sort()).toEqual(acked.map((a) => a.marker).sort());
    }
    for (const approval of ack.approvals) expect(eventsOf('sharing.approved', approval.arrangementId)).toHaveLength(1);
    expect(eventsOf('policy.published', SERVICE_POLICY).map((e) => e.after.number).sort()).toEqual(ack.publishes.map((p) => p.number).sort());
    expect(eventsOf('service.updated', RENAMED_SERVICE).map((e) => e.after.name)).toEqual(ack.renames.map((r) => r.name));

    // Every write read back through the other process.
    const other = (via: Via) => apis[via === 'A' ? 'B' : 'A'];
    for (const token of ack.tokens) {
      const tokens = await other(token.via).gql('{ apiTokens { id } }', {}, token.token);
      expect({ token: token.id, via: token.via, seen: tokens.data?.apiTokens?.some((t: { id: string }) => t.id === token.id) }).toEqual({ token: token.id, via: token.via, seen: true });
    }
    for (const key of SHARED_SERVICES) {
      const lastAudited = eventsOf('inventory.replaced', key).at(-1)!.after.items[0].retentionDays;
      for (const api of [apis.A, apis.B]) {
        const service = (await api.ok('query($k: String!) { service(key: $k) { inventory { retentionDays } } }', { k: key }, officers[0])).service;
        expect({ key, markers: [...new Set(service.inventory.map((i: { retentionDays: number }) => i.retentionDays))] }).toEqual({ key, markers: [lastAudited] });
      }
    }
    for (const approval of ack.approvals) {
      const arrangement = (await other(approval.via).ok('query($id: ID!) { sharingArrangement(id: $id) { version status approvals { comment } } }', { id: approval.arrangementId }, officers[0])).sharingArrangement;
      expect(arrangement).toEqual({ version: approval.version, status: 'APPROVED', approvals: [{ comment: `approved through ${approval.via}` }] });
    }
    const versions = (await apis.B.ok(`{ policy(key: "${SERVICE_POLICY}") { versions { number status } } }`, {}, officers[1])).policy.versions;
    for (const publish of ack.publishes) expect(versions).toContainEqual({ number: publish.number, status: 'PUBLISHED' });
    const lastRename = ack.renames.at(-1)!;
    expect((await other(lastRename.via).ok('query($k: String!) { service(key: $k) { name version } }', { k: RENAMED_SERVICE }, officers[0])).service).toEqual({ name: lastRename.name, version: lastRename.version });
    figures.durationMs = Date.now() - startedAt;
  });
});
