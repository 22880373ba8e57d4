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

/** A DPA "signed" later than this past now is a typing mistake, not a fact. */
export const DPA_SIGNATURE_CLOCK_SKEW_MS = 5 * 60_000;

export type DpaDatesProblem =
  | { field: 'dpaSignedAt'; code: 'SIGNED_IN_FUTURE' }
  | { field: 'dpaExpiresAt'; code: 'EXPIRY_WITHOUT_SIGNATURE' | 'EXPIRY_NOT_AFTER_SIGNATURE' };

/** A DPA is recorded once signed: a signature date in the future is refused. */
export function dpaSignatureProblem(signedAt: Date | null, now: Date): DpaDatesProblem | null {
  return signedAt && signedAt.getTime() > now.getTime() + DPA_SIGNATURE_CLOCK_SKEW_MS ? { field: 'dpaSignedAt', code: 'SIGNED_IN_FUTURE' } : null;
}

/** An expiry comes with a signature, and after it; an expiry in the past is accepted (it records an expired DPA). */
export function dpaOrderProblem(signedAt: Date | null, expiresAt: Date | null): DpaDatesProblem | null {
  if (expiresAt && !signedAt) return { field: 'dpaExpiresAt', code: 'EXPIRY_WITHOUT_SIGNATURE' };
  if (expiresAt && signedAt && expiresAt.getTime() <= signedAt.getTime()) return { field: 'dpaExpiresAt', code: 'EXPIRY_NOT_AFTER_SIGNATURE' };
  return null;
}

/** The first inconsistency of a DPA's dates, or null. */
export function dpaDatesProblem(dpa: ProcessorDpa, now: Date): DpaDatesProblem | null {
  return dpaSignatureProblem(dpa.dpaSignedAt, now) ?? dpaOrderProblem(dpa.dpaSignedAt, dpa.dpaExpiresAt);
}
