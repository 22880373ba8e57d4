import { appendFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditDraft } from './audit-chain';

/** A day of events per file: a day holds a few thousand events even at 100,000 services. */
const BUCKET_MS = 86_400_000;

export const byTimeThenOrder = (atA: number, orderA: number, atB: number, orderB: number) => atA - atB || orderA - orderB;

interface Spilled extends Omit<AuditDraft, 'at'> {
  order: number;
  at: number;
}

/**
 * Audit drafts parked on disk, one file per day of their `at`, so a
 * generator can hand them over chunk by chunk in any time order and get them
 * back oldest first (ties in the order they were added), one day at a time.
 * The chain needs that order: an event's seq must grow with its time, as the
 * API's appends do (an evidence bundle as of T proves the tree of the last
 * event at or before T).
 */
export class AuditSpill {
  private readonly dir = mkdtempSync(join(tmpdir(), 'canopy-dataset-audit-'));
  private readonly buckets = new Set<number>();
  private added = 0;

  get size(): number {
    return this.added;
  }

  add(drafts: readonly AuditDraft[]): void {
    const lines = new Map<number, string[]>();
    for (const draft of drafts) {
      const at = draft.at.getTime();
      const bucket = Math.floor(at / BUCKET_MS);
      const spilled: Spilled = { ...draft, at, order: this.added++ };
      const list = lines.get(bucket) ?? [];
      if (!list.length) lines.set(bucket, list);
      list.push(JSON.stringify(spilled));
    }
    for (const [bucket, list] of lines) {
      appendFileSync(this.file(bucket), list.join('\n') + '\n');
      this.buckets.add(bucket);
    }
  }

  /** The drafts oldest first, a day's worth per batch; each day's file is removed once read. */
  *oldestFirst(): Generator<AuditDraft[]> {
    for (const bucket of [...this.buckets].sort((a, b) => a - b)) {
      const text = readFileSync(this.file(bucket), 'utf8');
      unlinkSync(this.file(bucket));
      this.buckets.delete(bucket);
      const spilled = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Spilled)
        .sort((a, b) => byTimeThenOrder(a.at, a.order, b.at, b.order));
      yield spilled.map(({ order: _order, at, ...draft }) => ({ ...draft, at: new Date(at) }));
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private file(bucket: number): string {
    return join(this.dir, `${bucket}.ndjson`);
  }
}
