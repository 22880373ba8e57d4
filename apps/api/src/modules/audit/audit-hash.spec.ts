import { chainHash, GENESIS_HASH, redact, AuditRecord } from './audit-hash';

const record: AuditRecord = {
  seq: 1,
  at: '2026-11-29T10:00:00.000Z',
  actorId: 'u1',
  actorEmail: 'a@example.com',
  action: 'service.registered',
  entityType: 'service',
  entityId: 'maps',
  before: null,
  after: { key: 'maps', name: 'Maps' },
};

describe('chainHash', () => {
  it('should not depend on the order of keys', () => {
    const reordered = { ...record, after: { name: 'Maps', key: 'maps' } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, record));
  });

  it('should change when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, record);
    expect(chainHash(GENESIS_HASH, { ...record, seq: 2 })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...record, after: { key: 'maps', name: 'Map' } })).not.toBe(base);
    expect(chainHash('f'.repeat(64), record)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('redact', () => {
  it('should drop secret fields at any depth and keep the rest', () => {
    expect(redact({ email: 'a@b.c', passwordHash: 'x', tokens: [{ name: 't', tokenHash: 'h' }] })).toEqual({
      email: 'a@b.c',
      tokens: [{ name: 't' }],
    });
  });
});
