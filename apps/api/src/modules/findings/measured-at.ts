/** Within this much of the request's clock, an `at` means now. */
const NOW_GRACE_MS = 5000;

/**
 * The instant findings are measured at: now when `at` is absent or within a
 * few seconds of the request's clock; a future instant measures today's facts
 * against the policies in force then; a past one reads everything as it was
 * then (`past`), from the history services, processors, inventories,
 * arrangements and policies keep.
 */
export function measuredAt(at: Date | null, now: Date): { instant: Date; past: boolean } {
  if (at == null) return { instant: now, past: false };
  if (at.getTime() > now.getTime()) return { instant: at, past: false };
  return at.getTime() < now.getTime() - NOW_GRACE_MS ? { instant: at, past: true } : { instant: now, past: false };
}
