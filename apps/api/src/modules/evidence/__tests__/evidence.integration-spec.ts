import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { openDataSource, SettingEntity, testDialects } from '@canopy/persistence';
import { Database } from '../../../common/database';
import { AuditSigningKey } from '../audit-signing-key';
import { auditLeafHash, exportPrivateKeyPem, exportPublicKeyPem, generateSigningKey, hashFromHex, loadSigningKey, MemorySubtreeStore, toHex, verifyConsistency, verifyInclusion, verifyTreeHead } from '@canopy/evidence';
import { loadConfig } from '../../../config';
import { createCanopyServer } from '../../../server';
import { codeOf, startTestServer, TestServer } from '../../../testing/test-server';

const HEAD = 'query($n: Int) { auditTreeHead(treeSize: $n) { treeSize rootHash timestamp keyId signature } }';
const INCLUSION = 'query($seq: Int!, $n: Int!) { auditInclusionProof(seq: $seq, treeSize: $n) { leafIndex treeSize hashes } }';
const CONSISTENCY = 'query($from: Int!, $to: Int!) { auditConsistencyProof(fromSize: $from, toSize: $to) { leafIndex treeSize hashes } }';
const EVENTS = '{ auditEvents(first: 100) { edges { node { seq hash } } } }';

const bytes = (hexes: string[]) => hexes.map(hashFromHex);

async function sequentially<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}

describe.each(testDialects())('audit evidence on %s', (dialect) => {
  let t: TestServer;
  let auditor: string;
  let publicKeyPem: string;

  const addTeams = async (from: number, count: number) => {
    for (let i = from; i < from + count; i++) await t.gql(`mutation { createTeam(key: "team-${i}", name: "Team ${i}") { id } }`);
  };
  const head = async (treeSize?: number) => {
    const result = await t.gql(HEAD, { n: treeSize ?? null }, auditor);
    expect(result.errors).toBeUndefined();
    return result.data!.auditTreeHead;
  };
  const eventHashes = async (): Promise<string[]> =>
    (await t.gql(EVENTS, {}, auditor)).data!.auditEvents.edges.map((e: { node: { hash: string } }) => e.node.hash);

  beforeAll(async () => {
    t = await startTestServer(dialect);
    auditor = await t.user('auditor@x.test', ['AUDITOR']);
    await addTeams(0, 5);
    const response = await fetch(`${t.url}/.well-known/canopy-audit-key`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-pem-file/);
    publicKeyPem = await response.text();
  });
  afterAll(() => t.close());

  it('should serve the public key as PEM SPKI and sign heads any Ed25519 verifier accepts', async () => {
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const signed = await head();
    expect(verifyTreeHead(signed, publicKeyPem)).toEqual({ ok: true });
    // Independently of libs/evidence: node:crypto over the canonical JSON written out by hand (RFC 8785 sorts the keys).
    const message = `{"rootHash":"${signed.rootHash}","timestamp":"${signed.timestamp}","treeSize":${signed.treeSize}}`;
    expect(verify(null, Buffer.from(message), createPublicKey(publicKeyPem), Buffer.from(signed.signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(message.replace(/"treeSize":\d+/, '"treeSize":1')), createPublicKey(publicKeyPem), Buffer.from(signed.signature, 'base64'))).toBe(false);
  });

  it('should give the root of the events as RFC 9162 computes it, at the whole log and at any past size', async () => {
    const hashes = await eventHashes();
    const whole = await head();
    expect(whole.treeSize).toBe(hashes.length);
    expect(whole.rootHash).toBe(toHex(MemorySubtreeStore.fromLeafHashes(hashes.map(auditLeafHash)).root()));
    const past = await head(3);
    expect(past.treeSize).toBe(3);
    expect(past.rootHash).toBe(toHex(MemorySubtreeStore.fromLeafHashes(hashes.slice(0, 3).map(auditLeafHash)).root()));
    expect(verifyTreeHead(past, publicKeyPem)).toEqual({ ok: true });
  });

  it('should prove the inclusion of every event in a signed head, and no proof fits another event', async () => {
    const signed = await head();
    const hashes = await eventHashes();
    const root = hashFromHex(signed.rootHash);
    for (let seq = 1; seq <= signed.treeSize; seq++) {
      const proof = (await t.gql(INCLUSION, { seq, n: signed.treeSize }, auditor)).data!.auditInclusionProof;
      expect(proof).toMatchObject({ leafIndex: seq - 1, treeSize: signed.treeSize });
      expect(verifyInclusion(seq - 1, signed.treeSize, auditLeafHash(hashes[seq - 1]), bytes(proof.hashes), root)).toBe(true);
      const other = hashes[seq % hashes.length];
      expect(verifyInclusion(seq - 1, signed.treeSize, auditLeafHash(other), bytes(proof.hashes), root)).toBe(false);
    }
  });

  it('should prove an old head consistent with a later one after the log grew, and fail a forged old root', async () => {
    const old = await head();
    await addTeams(100, 9);
    const now = await head();
    expect(now.treeSize).toBe(old.treeSize + 9);
    const proof = (await t.gql(CONSISTENCY, { from: old.treeSize, to: now.treeSize }, auditor)).data!.auditConsistencyProof;
    expect(proof).toMatchObject({ leafIndex: null, treeSize: now.treeSize });
    expect(verifyTreeHead(now, publicKeyPem)).toEqual({ ok: true });
    expect(verifyConsistency(old.treeSize, now.treeSize, hashFromHex(old.rootHash), hashFromHex(now.rootHash), bytes(proof.hashes))).toBe(true);
    const forged = hashFromHex((await head(old.treeSize - 1)).rootHash);
    expect(verifyConsistency(old.treeSize, now.treeSize, forged, hashFromHex(now.rootHash), bytes(proof.hashes))).toBe(false);
    // Every past size against the new head.
    for (let from = 1; from < now.treeSize; from++) {
      const p = (await t.gql(CONSISTENCY, { from, to: now.treeSize }, auditor)).data!.auditConsistencyProof;
      expect(verifyConsistency(from, now.treeSize, hashFromHex((await head(from)).rootHash), hashFromHex(now.rootHash), bytes(p.hashes))).toBe(true);
    }
  });

  it.each([
    ['a tree size of 0', HEAD, { n: 0 }],
    ['a negative tree size', HEAD, { n: -1 }],
    ['a tree size beyond the log', HEAD, { n: 1_000_000 }],
    ['seq 0', INCLUSION, { seq: 0, n: 2 }],
    ['a seq beyond the tree size', INCLUSION, { seq: 3, n: 2 }],
    ['a negative seq', INCLUSION, { seq: -1, n: 2 }],
    ['an inclusion tree size of 0', INCLUSION, { seq: 1, n: 0 }],
    ['an inclusion tree size beyond the log', INCLUSION, { seq: 1, n: 1_000_000 }],
    ['fromSize above toSize', CONSISTENCY, { from: 3, to: 2 }],
    ['fromSize 0', CONSISTENCY, { from: 0, to: 2 }],
    ['a negative fromSize', CONSISTENCY, { from: -2, to: 2 }],
    ['a toSize beyond the log', CONSISTENCY, { from: 1, to: 1_000_000 }],
  ])('should refuse %s with BAD_USER_INPUT', async (_case, query, variables) => {
    const result = await t.gql(query, variables, auditor);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.data).toBeNull();
  });

  it('should cost the same statements per head and proof whatever the log size', async () => {
    const measure = async () => {
      const size = (await head()).treeSize; // stores the new events' subtrees, if any
      return [
        (await t.gql(HEAD, { n: size }, auditor)).statements,
        (await t.gql(INCLUSION, { seq: 1, n: size }, auditor)).statements,
        (await t.gql(INCLUSION, { seq: size, n: size }, auditor)).statements,
        (await t.gql(CONSISTENCY, { from: 3, to: size }, auditor)).statements,
      ];
    };
    const small = await measure();
    await addTeams(200, 60);
    const large = await measure();
    expect(large).toEqual(small);
    expect(Math.max(...large)).toBeLessThanOrEqual(3); // sign-in, the sizes, the subtrees
  });

  it('should sign with the same key after a restart on the same database', async () => {
    const config = loadConfig({ DATABASE_URL: t.database.url, NODE_ENV: 'test', CANOPY_DEMO: 'false', LOG_LEVEL: 'silent' });
    const again = await createCanopyServer(config, pino({ level: 'silent' }));
    try {
      const url = await again.listen(0);
      expect(await (await fetch(`${url}/.well-known/canopy-audit-key`)).text()).toBe(publicKeyPem);
      expect((await again.application.evidence.signingKey.key()).keyId).toBe((await head()).keyId);
    } finally {
      await again.close();
    }
  });
});

describe.each(testDialects())('the signing key kept in the database on %s', (dialect) => {
  it('should be the first process\'s when several start at once (in turn on SQLite), and read by the others', async () => {
    const t = await startTestServer(dialect);
    const processes: DataSource[] = [];
    try {
      await t.server.db.manager.delete(SettingEntity, { key: 'evidence.signingKey' });
      for (let i = 0; i < 4; i++) processes.push(await openDataSource(t.database.url));
      const keyOf = (ds: DataSource) => new AuditSigningKey(new Database(ds), null).key();
      // better-sqlite3 blocks its thread while it waits for a lock, so SQLite connections of one process cannot race: they take turns.
      const keys = dialect === 'sqlite' ? await sequentially(processes, keyOf) : await Promise.all(processes.map(keyOf));
      expect(new Set(keys.map((key) => key.keyId)).size).toBe(1);
      const kept = await t.server.db.manager.findOneByOrFail(SettingEntity, { key: 'evidence.signingKey' });
      expect(loadSigningKey(kept.value).keyId).toBe(keys[0].keyId);
    } finally {
      for (const ds of processes) await ds.destroy();
      await t.close();
    }
  });
});

describe.each(testDialects())('audit evidence with CANOPY_SIGNING_KEY_FILE on %s', (dialect) => {
  it('should sign with the configured key and serve its public half', async () => {
    const key = generateSigningKey();
    const path = join(mkdtempSync(join(tmpdir(), 'canopy-key-')), 'audit.pem');
    writeFileSync(path, exportPrivateKeyPem(key));
    const t = await startTestServer(dialect, { CANOPY_SIGNING_KEY_FILE: path });
    try {
      expect(await (await fetch(`${t.url}/.well-known/canopy-audit-key`)).text()).toBe(exportPublicKeyPem(key));
      const signed = (await t.gql(HEAD)).data!.auditTreeHead;
      expect(signed.keyId).toBe(key.keyId);
      expect(verifyTreeHead(signed, exportPublicKeyPem(key))).toEqual({ ok: true });
    } finally {
      await t.close();
    }
  });
});
