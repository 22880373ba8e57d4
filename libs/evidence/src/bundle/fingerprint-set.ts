import { createHash } from 'node:crypto';

/**
 * A set of strings kept as 64-bit fingerprints (the first 8 bytes of their
 * SHA-256) in an open-addressing table at most half full: 16 to 32 bytes a
 * member, whatever its length, where a Set of the strings themselves takes about 190 bytes for a
 * record key (54 MB for the 290,000 record keys of a 25,000-service bundle).
 * Two different strings share a fingerprint with a chance of about
 * n² / 2^65 (below 1e-8 for a million members); `add` then reports the second
 * as present.
 */
export class FingerprintSet {
  /** Pairs of 32-bit halves; (0, 0) marks an empty slot. */
  private table = new Uint32Array(2 * 1024);
  size = 0;

  /** Adds `value`; false when it (or a string with its fingerprint) was there already. */
  add(value: string): boolean {
    const digest = createHash('sha256').update(value).digest();
    const high = digest.readUInt32LE(0);
    const low = digest.readUInt32LE(4) || 1;
    if (this.insert(high, low)) {
      this.size++;
      if (this.size * 2 > this.slots()) this.grow();
      return true;
    }
    return false;
  }

  private insert(high: number, low: number): boolean {
    const mask = this.slots() - 1;
    for (let slot = high & mask; ; slot = (slot + 1) & mask) {
      const [h, l] = [this.table[2 * slot], this.table[2 * slot + 1]];
      if (h === 0 && l === 0) {
        this.table[2 * slot] = high;
        this.table[2 * slot + 1] = low;
        return true;
      }
      if (h === high && l === low) return false;
    }
  }

  private slots(): number {
    return this.table.length / 2;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
  }
}
