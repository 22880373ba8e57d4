import { FingerprintSet } from './fingerprint-set';

describe('FingerprintSet', () => {
  it('should add each distinct string once and refuse it the second time, across growths of its table', () => {
    const set = new FingerprintSet();
    const keys = Array.from({ length: 20_000 }, (_, i) => `service-${i}/purpose.${i % 7}`);
    expect(keys.every((key) => set.add(key))).toBe(true);
    expect(set.size).toBe(keys.length);
    expect(keys.filter((_, i) => i % 97 === 0).some((key) => set.add(key))).toBe(false);
    expect(set.size).toBe(keys.length);
  });

  it('should tell apart strings that differ only by where a separator falls', () => {
    const set = new FingerprintSet();
    expect(set.add('services\u0000a/b')).toBe(true);
    expect(set.add('services/a\u0000b')).toBe(true);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
  });

  it('should stay within 32 bytes a member, whatever the length of the strings', () => {
    const set = new FingerprintSet();
    for (let i = 0; i < 50_000; i++) set.add(`${'x'.repeat(200)}-${i}`);
    expect((set as unknown as { table: Uint32Array }).table.byteLength).toBeLessThanOrEqual(32 * 50_000);
  });
});
