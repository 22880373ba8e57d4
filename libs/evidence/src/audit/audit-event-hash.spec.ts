import { createHash } from 'node:crypto';
import { auditLeafHash, AuditRecord, canonicalJson, chainHash, GENESIS_HASH, isTruncatedSnapshot, leafIndexOfSeq } from './audit-event-hash';

/** An event with no actor (a system action), nested snapshots, non-ASCII text and a fraction. */
const approved: AuditRecord = {
  seq: 41,
  at: '2026-11-29T23:59:59.999Z',
  actorId: null,
  actorEmail: null,
  action: 'sharing.approved',
  entityType: 'sharing',
  entityId: 'sa-7',
  before: { status: 'SUBMITTED', clauses: [] },
  after: { status: 'APPROVED', clauses: [{ topic: 'RETENTION', value: '30' }], note: 'Zürich ✓', weight: 1.5 },
};
const revoked: AuditRecord = { ...approved, seq: 42, action: 'sharing.revoked', before: approved.after, after: null };

describe('chainHash', () => {
  it('should give the hashes the API has always stored (known answers from apps/api before the move)', () => {
    const first = chainHash(GENESIS_HASH, approved);
    expect(first).toBe('ac29ebc5687dfc7b652d2c6be4c0cbeafe5e9c2f01493a8d545498d47859ffd9');
    expect(chainHash(first, revoked)).toBe('13cbd1875802f7bb134f537b59967d14e4e2faff83b17a0777cf9a707e97c61c');
  });

  it('should hash the previous hash as hex text followed by the RFC 8785 canonical JSON, UTF-8', () => {
    const canonical =
      '{"action":"sharing.revoked","actorEmail":null,"actorId":null,"after":null,"at":"2026-11-29T23:59:59.999Z",' +
      '"before":{"clauses":[{"topic":"RETENTION","value":"30"}],"note":"Zürich ✓","status":"APPROVED","weight":1.5},' +
      '"entityId":"sa-7","entityType":"sharing","seq":42}';
    expect(canonicalJson(revoked)).toBe(canonical);
    const prev = 'ab'.repeat(32);
    expect(chainHash(prev, revoked)).toBe(createHash('sha256').update(Buffer.from(prev + canonical, 'utf8')).digest('hex'));
  });

  it('should not depend on key order, and should change with any field', () => {
    const base = chainHash(GENESIS_HASH, approved);
    const reordered = Object.fromEntries(Object.entries(approved).reverse()) as unknown as AuditRecord;
    expect(chainHash(GENESIS_HASH, reordered)).toBe(base);
    expect(chainHash(GENESIS_HASH, { ...approved, actorId: 'u1' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...approved, seq: 40 })).not.toBe(base);
    expect(chainHash('f'.repeat(64), approved)).not.toBe(base);
  });
});

describe('audit events in the Merkle tree', () => {
  it('should take the 32 bytes of the event hash (not its hex) as the leaf', () => {
    const hash = chainHash(GENESIS_HASH, approved);
    const expected = createHash('sha256').update(Buffer.concat([Buffer.of(0), Buffer.from(hash, 'hex')])).digest('hex');
    expect(auditLeafHash(hash).toString('hex')).toBe(expected);
    expect(leafIndexOfSeq(1)).toBe(0);
    expect(() => auditLeafHash('ABC')).toThrow(TypeError);
  });

  it('should tell a summarised snapshot from a whole one', () => {
    expect(isTruncatedSnapshot({ truncated: true, originalLength: 70000, keys: ['a'] })).toBe(true);
    expect(isTruncatedSnapshot({ truncated: true })).toBe(false);
    expect(isTruncatedSnapshot(null)).toBe(false);
    expect(canonicalJson(undefined)).toBe('null');
  });
});
