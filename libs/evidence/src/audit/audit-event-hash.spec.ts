import { createHash } from 'node:crypto';
import { auditLeafHash, AuditRecord, canonicalJson, chainHash, GENESIS_HASH, isTruncatedSnapshot, leafIndexOfSeq } from './audit-event-hash';

const record: AuditRecord = {
  seq: 1,
  at: '2026-11-29T10:00:00.000Z',
  actorId: 'u1',
  actorEmail: 'a@example.com',
  action: 'service.registered',
  entityType: 'service',
  entityId: 'maps',
  before: null,
  after: { name: 'Maps', key: 'maps', retentionDays: 30, tags: ['é', 'x'] },
};

describe('chainHash', () => {
  it('should give the hashes the API has always stored (known answers from apps/api before the move)', () => {
    const first = chainHash(GENESIS_HASH, record);
    expect(first).toBe('442626d07e2b0c8b4b25d423d8251cd6566bbc24256168b96e09ecbb84f2fe96');
    const second = chainHash(first, { ...record, seq: 2, action: 'service.updated', before: record.after, after: { ...(record.after as object), retentionDays: 7 } });
    expect(second).toBe('6521f10c5be8a0f15952df03f8cc7c681e2d087b5bcccd4af6aaee11c0ba97f1');
  });

  it('should hash the previous hash as hex text followed by the RFC 8785 canonical JSON', () => {
    const expected = createHash('sha256')
      .update(GENESIS_HASH + '{"action":"service.registered","actorEmail":"a@example.com","actorId":"u1","after":{"key":"maps","name":"Maps","retentionDays":30,"tags":["é","x"]},"at":"2026-11-29T10:00:00.000Z","before":null,"entityId":"maps","entityType":"service","seq":1}', 'utf8')
      .digest('hex');
    expect(chainHash(GENESIS_HASH, record)).toBe(expected);
  });

  it('should not depend on key order, and should change with any field', () => {
    const base = chainHash(GENESIS_HASH, record);
    expect(chainHash(GENESIS_HASH, { ...record, after: { tags: ['é', 'x'], retentionDays: 30, key: 'maps', name: 'Maps' } })).toBe(base);
    expect(chainHash(GENESIS_HASH, { ...record, actorId: null })).not.toBe(base);
    expect(chainHash('f'.repeat(64), record)).not.toBe(base);
  });
});

describe('audit events in the Merkle tree', () => {
  it('should take the 32 bytes of the event hash (not its hex) as the leaf', () => {
    const hash = chainHash(GENESIS_HASH, record);
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
