import { DAY_MS } from '../shared/dates';

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

/** A DPA that ends within this many days is due for renewal. */
export const DPA_RENEWAL_WARNING_DAYS = 30;

/** VALID and EXPIRING are valid ({@link isDpaValid}); EXPIRING ends within {@link DPA_RENEWAL_WARNING_DAYS}. */
export type DpaState = 'VALID' | 'EXPIRING' | 'EXPIRED' | 'NONE';

export interface DpaStanding {
  state: DpaState;
  /** Whole days until expiry, rounded up (negative once expired); null without a valid signature or an expiry. */
  daysLeft: number | null;
}

/** Where a processor's DPA stands at `now`, for a reviewer: NONE when unsigned or signed only for later. */
export function dpaStanding(processor: ProcessorDpa, now: Date): DpaStanding {
  if (!processor.dpaSignedAt || processor.dpaSignedAt.getTime() > now.getTime()) return { state: 'NONE', daysLeft: null };
  if (!processor.dpaExpiresAt) return { state: 'VALID', daysLeft: null };
  const left = processor.dpaExpiresAt.getTime() - now.getTime();
  if (!isDpaValid(processor, now)) return { state: 'EXPIRED', daysLeft: Math.floor(left / DAY_MS) };
  const daysLeft = Math.ceil(left / DAY_MS);
  return { state: daysLeft <= DPA_RENEWAL_WARNING_DAYS ? 'EXPIRING' : 'VALID', daysLeft };
}
