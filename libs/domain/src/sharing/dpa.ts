export interface ProcessorDpa {
  dpaSignedAt: Date | null;
  dpaExpiresAt: Date | null;
}

/**
 * A DPA is valid at `now` when it has been signed (at or before `now`) and
 * has not expired: no expiry date means it does not expire; it is expired
 * from `dpaExpiresAt` on.
 */
export function isDpaValid(processor: ProcessorDpa, now: Date): boolean {
  if (!processor.dpaSignedAt || processor.dpaSignedAt.getTime() > now.getTime()) return false;
  return !processor.dpaExpiresAt || processor.dpaExpiresAt.getTime() > now.getTime();
}

/** Why the DPA is not valid, or null when it is. */
export function dpaProblem(processor: ProcessorDpa, now: Date): string | null {
  if (!processor.dpaSignedAt) return 'has no signed DPA';
  if (processor.dpaSignedAt.getTime() > now.getTime()) return `has a DPA that is signed only from ${processor.dpaSignedAt.toISOString()}`;
  if (processor.dpaExpiresAt && processor.dpaExpiresAt.getTime() <= now.getTime()) return `has a DPA that expired on ${processor.dpaExpiresAt.toISOString()}`;
  return null;
}
