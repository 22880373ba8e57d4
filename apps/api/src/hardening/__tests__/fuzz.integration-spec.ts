import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { GraphQLSchema, Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { AuditHeadEntity, testDialects } from '@canopy/persistence';
import { buildCanopySchema } from '../../schema';
import { ADMIN_TOKEN, startTestServer, tableCounts, TestServer } from '../../testing/test-server';
import { cliOperations, consoleOperations, WORKSPACE } from './client-documents';
import { FuzzRequest, fuzzRequest } from './fuzz-requests';

/** Requests per database: CANOPY_FUZZ_RUNS to go longer; CANOPY_FUZZ_SEED to replay a failure. */
const RUNS = Number(process.env.CANOPY_FUZZ_RUNS ?? 3000);
const SEED = process.env.CANOPY_FUZZ_SEED ? Number(process.env.CANOPY_FUZZ_SEED) : undefined;

/** What must never leave the server: stack frames, source paths, driver errors, SQL. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>[\]]+ \([^)]*:\d+:\d+\)|\n\s+at /],
  ['a source path', /node_modules|\/work\/|\/src\/[\w/-]+\.(ts|js)|\.(ts|js):\d+:\d+/],
  ['a stack trace field', /"stacktrace"|"stack"\s*:/],
  ['a driver or ORM error', /QueryFailedError|TypeORMError|EntityPropertyNotFound|\bER_[A-Z_]{4,}\b|\bSQLITE_[A-Z_]+\b|sqlMessage|sqlState|"errno"/],
  ['SQL text', /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^"]{0,200}\b(FROM|VALUES|SET|WHERE)\b[^"]{0,80}[`"]\w+[`"]/],
];

/** Every string the request carried, so an error that quotes the input is not taken for a leak. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length >= 3) out.push(value, JSON.stringify(value).slice(1, -1));
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 200)) stringsOf(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value).slice(0, 200)) stringsOf(v, stringsOf(k, out));
  }
  return out;
}

function withoutEchoes(text: string, request: FuzzRequest): string {
  let parsed: unknown = request.body;
  try {
    parsed = request.method === 'GET' ? Object.fromEntries(new URLSearchParams(request.body)) : JSON.parse(request.body);
  } catch {
    // not JSON: the body itself is the only string
  }
  let out = text;
  for (const s of stringsOf(parsed).sort((a, b) => b.length - a.length)) out = out.split(s).join('');
  return out;
}

/**
 * How many root mutation fields of the request may have written: those in the
 * answer's data, or, when a failed non-null field nulled the whole answer
 * (serial mutations: an earlier one may have committed), every root field
 * without an error of its own.
 */
function mutationsThatMayHaveRun(request: FuzzRequest, body: { data?: Record<string, unknown> | null; errors?: { path?: unknown[] }[] }): number {
  if (body.data) return Object.values(body.data).filter((v) => v !== null && v !== undefined).length;
  if (body.data !== null || !request.document) return 0;
  try {
    const document = parse(request.document);
    const failed = new Set((body.errors ?? []).map((e) => e.path?.[0]));
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
    return operations.flatMap((op) => op.selectionSet.selections).filter((sel) => sel.kind === Kind.FIELD && !failed.has((sel.alias ?? sel.name).value)).length;
  } catch {
    return 0;
  }
}

interface Snapshot {
  seq: number;
  counts: string;
}

describe.each(testDialects())('fuzzing the HTTP API on %s', (dialect) => {
  let t: TestServer;
  let schema: GraphQLSchema;
  let corpus: string[];
  let callers: { name: string; headers: Record<string, string> }[];

  async function snapshot(): Promise<Snapshot> {
    return { seq: await headSeq(), counts: JSON.stringify(await tableCounts(t.server)) };
  }

  async function headSeq(): Promise<number> {
    return (await t.server.db.manager.findOneBy(AuditHeadEntity, { id: 1 }))?.seq ?? 0;
  }

  beforeAll(async () => {
    t = await startTestServer(dialect);
    schema = await buildCanopySchema();
    const ok = async (query: string, variables: Record<string, unknown> = {}, token = ADMIN_TOKEN) => {
      const r = await t.gql(query, variables, token);
      if (r.errors) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
      return r.data;
    };
    await ok('mutation { a: createTeam(key: "geo", name: "Geo") { id } b: createTeam(key: "media", name: "Media") { id } }');
    const officer = await t.user('dpo@fuzz.test', ['PRIVACY_OFFICER']);
    const engineer = await t.user('geo@fuzz.test', ['ENGINEER'], ['geo']);
    const auditor = await t.user('aud@fuzz.test', ['AUDITOR']);
    await ok('mutation { registerService(input: { key: "maps", name: "Maps", teamKey: "geo" }) { key } }', {}, officer);
    await ok(
      'mutation($items: [InventoryItemInput!]!) { setInventory(serviceKey: "maps", items: $items) { key } }',
      { items: [{ dataCategory: 'device.log', purposes: ['service.provide'], source: 'AUTOMATIC', legalBasis: 'CONSENT', retentionDays: 30, encryption: 'IN_TRANSIT' }] },
      engineer,
    );
    await ok('mutation { registerProcessor(input: { key: "tiles", name: "Tiles", country: "DE" }) { key } }', {}, officer);
    await ok('mutation { createPolicy(input: { key: "general", title: "General", scope: GLOBAL }) { key } }', {}, officer);
    await ok('mutation { draftPolicyVersion(input: { policyKey: "general", clauses: [{ topic: RETENTION, subject: "device.log", value: "30" }] }) { number } }', {}, officer);
    callers = [
      { name: 'admin', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
      { name: 'officer', headers: { authorization: `Bearer ${officer}` } },
      { name: 'engineer', headers: { authorization: `Bearer ${engineer}` } },
      { name: 'auditor', headers: { authorization: `Bearer ${auditor}` } },
      { name: 'anonymous', headers: {} },
      { name: 'invalid token', headers: { authorization: 'Bearer cnp_forged-token' } },
      { name: 'malformed authorization', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
    ];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cli = require(path.join(WORKSPACE, 'apps/cli/src/client/operations.ts')) as { currentStateQuery(s: number, p: number): string };
    corpus = [...consoleOperations(), ...cliOperations({ currentStateQuery: () => cli.currentStateQuery(2, 1) })].map((op) => print(op.document));
  });
  afterAll(() => t.close());

  it(`should answer ${RUNS} random and damaged requests cleanly: no 5xx, no stack or SQL, nothing written by a refusal, readyz still 200`, async () => {
    const stats = { requests: 0, ms: {} as Record<string, number>, byStatus: {} as Record<string, number>, byKind: {} as Record<string, number>, refused: 0, succeededWrites: 0, codes: {} as Record<string, number> };
    let last = await snapshot();
    let ready = 0;
    const failures: string[] = [];
    const recent: string[] = [];

    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const request = fuzzRequest(g, schema, corpus, callers.length);
        const caller = callers[request.caller];
        const url = request.method === 'GET' ? `${t.url}/graphql?${request.body}` : `${t.url}/graphql`;
        const headers: Record<string, string> = { ...caller.headers, accept: g(fc.constantFrom, 'application/graphql-response+json', 'application/json', '*/*') };
        if (request.method === 'GET') headers['apollo-require-preflight'] = 'true';
        if (request.contentType) headers['content-type'] = request.contentType;
        const started = Date.now();
        const response = await fetch(url, { method: request.method, headers, body: request.method === 'POST' ? request.body : undefined });
        const text = await response.text();
        stats.ms[request.kind] = (stats.ms[request.kind] ?? 0) + Date.now() - started;
        stats.requests++;
        stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1;
        stats.byKind[request.kind] = (stats.byKind[request.kind] ?? 0) + 1;
        const where = `${request.kind} ${request.method} as ${caller.name}: ${request.body.slice(0, 300)}`;

        const fail = (problem: string) => {
          const report = `${problem}\n  request: ${where}\n  answer: HTTP ${response.status} ${text.slice(0, 300)}`;
          // The first failure is the informative one: shrinking replays smaller requests afterwards.
          failures.push(report);
          throw new Error(report);
        };

        if (response.status >= 500) fail(`HTTP ${response.status}`);
        if (LEAKS.some(([, pattern]) => pattern.test(text))) {
          // Something looks like a leak: it is one unless it only quotes what the request sent.
          const scrubbed = withoutEchoes(text, request);
          for (const [what, pattern] of LEAKS) {
            const leak = pattern.exec(scrubbed)?.[0];
            if (leak) fail(`the answer leaks ${what}: ${leak}`);
          }
        }

        let body: { data?: Record<string, unknown> | null; errors?: { path?: unknown[]; extensions?: { code?: string } }[] } = {};
        try {
          body = JSON.parse(text);
        } catch {
          // a non-JSON answer (e.g. 431 from Node for an oversized URL) is fine as long as it is a 4xx
        }
        for (const e of body.errors ?? []) stats.codes[e.extensions?.code ?? 'none'] = (stats.codes[e.extensions?.code ?? 'none'] ?? 0) + 1;
        // Internal errors are masked, but they are still bugs, which is what the fuzzer is here to find.
        if ((body.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) fail('INTERNAL_SERVER_ERROR');

        // Writes: each mutation that succeeded adds exactly one audit event; a refusal adds nothing, anywhere.
        const mutating = /mutation/i.test(request.document ?? request.body);
        const answered = mutationsThatMayHaveRun(request, body);
        const seq = await headSeq();
        recent.push(where.slice(0, 200));
        if (recent.length > 10) recent.shift();
        if (seq !== last.seq) {
          const before = last;
          last = await snapshot();
          if (seq - before.seq > (mutating ? answered : 0)) fail(`${seq - before.seq} audit event(s) written by a request that answered ${answered} mutation(s)`);
          stats.succeededWrites += seq - before.seq;
        } else {
          if (!answered) stats.refused++;
          // Row counts every 10 requests (and at the end): a write without its audit event shows here.
          if (stats.requests % 10 === 0) {
            const before = last;
            last = await snapshot();
            if (last.counts !== before.counts) fail(`rows changed without an audit event during one of:\n    ${recent.join('\n    ')}\n  ${before.counts} -> ${last.counts}`);
          }
        }
        if (stats.requests % 250 === 0) {
          const readyz = await fetch(`${t.url}/readyz`);
          expect(readyz.status).toBe(200);
          ready++;
        }
      }),
      // No shrinking: each step is an HTTP request against shared state; the first failure is reported whole.
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    ).catch((error) => {
      const cause = (error as Error & { cause?: Error }).cause;
      throw new Error(`first failure:\n${failures[0] ?? cause?.stack ?? cause}\n\n${(error as Error).message.slice(0, 1500)}`);
    });

    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const verified = await t.gql('{ verifyAuditLog { ok checkedEvents } }');
    expect(verified.data?.verifyAuditLog.ok).toBe(true);
    expect(await snapshot()).toEqual(last);

    const report = { dialect, ...stats, readyzChecks: ready + 1, auditVerified: true };
    mkdirSync(path.join(WORKSPACE, 'tmp', 'reliability'), { recursive: true });
    writeFileSync(path.join(WORKSPACE, 'tmp', 'reliability', `fuzz-${dialect}.json`), JSON.stringify(report, null, 2));
    console.log(`fuzz on ${dialect}: ${JSON.stringify(report)}`);
  });
});
