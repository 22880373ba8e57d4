import { formatDate } from './format';

/** A processor's data-processing agreement, as a reviewer needs to see it. */
export type DpaState = 'VALID' | 'EXPIRING' | 'EXPIRED' | 'NONE';

export interface DpaLike {
  dpaSignedAt?: string | null;
  dpaExpiresAt?: string | null;
}

export interface DpaStatus {
  state: DpaState;
  label: string;
  /** Whole days until expiry (negative once expired); null without an expiry. */
  daysLeft: number | null;
}

const DAY = 24 * 60 * 60 * 1000;
/** A DPA that ends within this many days is flagged for renewal. */
export const DPA_EXPIRY_WARNING_DAYS = 30;

export function dpaStatus(processor: DpaLike, now: Date = new Date()): DpaStatus {
  const signed = processor.dpaSignedAt ? new Date(processor.dpaSignedAt) : null;
  if (!signed || signed.getTime() > now.getTime()) {
    return { state: 'NONE', label: signed ? `Not in force yet: signed for ${formatDate(processor.dpaSignedAt)}` : 'No DPA signed', daysLeft: null };
  }
  if (!processor.dpaExpiresAt) return { state: 'VALID', label: `Valid (signed ${formatDate(processor.dpaSignedAt)}, no expiry)`, daysLeft: null };
  const expires = new Date(processor.dpaExpiresAt);
  const ms = expires.getTime() - now.getTime();
  if (ms <= 0) {
    return { state: 'EXPIRED', label: `Expired on ${formatDate(processor.dpaExpiresAt)}`, daysLeft: Math.floor(ms / DAY) };
  }
  const daysLeft = Math.ceil(ms / DAY);
  if (daysLeft <= DPA_EXPIRY_WARNING_DAYS) {
    return {
      state: 'EXPIRING',
      label: `Expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${formatDate(processor.dpaExpiresAt)})`,
      daysLeft,
    };
  }
  return { state: 'VALID', label: `Valid until ${formatDate(processor.dpaExpiresAt)}`, daysLeft };
}

export const DPA_COLORS: Record<DpaState, string> = { VALID: 'green', EXPIRING: 'yellow', EXPIRED: 'red', NONE: 'gray' };
