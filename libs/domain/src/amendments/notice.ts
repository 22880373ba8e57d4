import type { ClauseLike } from '../clauses/types';
import { inForceFrom } from '../precedence/in-force';
import { addDays, utcDay } from '../shared/dates';

export const DEFAULT_NOTICE_DAYS = 30;
export const NOTICE_CHANNELS = ['EMAIL', 'HOMEPAGE_BANNER'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * `notice_days` of the GLOBAL version in force at publish time (DESIGN.md
 * section 3); 30 when there is none or it has no AMENDMENT clause. A
 * version's own AMENDMENT clause never applies to itself: pass the clauses
 * of the global version in force, not of the one being published.
 */
export function noticeDaysFrom(globalClausesInForce: readonly ClauseLike[] | null | undefined): number {
  const clause = (globalClausesInForce ?? []).find((c) => c.topic === 'AMENDMENT' && c.subject === 'notice_days');
  if (!clause || !/^(0|[1-9][0-9]*)$/.test(clause.value)) return DEFAULT_NOTICE_DAYS;
  return Number(clause.value);
}

export interface NoticeCheckInput {
  materialReduction: boolean;
  notice?: { channels: readonly string[]; noticeAt: Date } | null;
  effectiveAt: Date;
  noticeDays: number;
  /**
   * Publish time. A past `effectiveAt` means "now", so the version takes
   * effect at max(effectiveAt, now); without a notice the earliest allowed
   * date counts from now. Defaults to the current time.
   */
  now?: Date;
}

export type NoticeCheckResult = { ok: true } | { ok: false; code: 'NOTICE_REQUIRED'; earliestEffectiveAt: Date; reason: string };

/**
 * A material reduction needs a notice on at least one channel (EMAIL,
 * HOMEPAGE_BANNER) with `noticeAt <= effectiveAt - noticeDays`.
 */
export function checkNotice(input: NoticeCheckInput): NoticeCheckResult {
  if (!input.materialReduction) return { ok: true };
  const now = input.now ?? new Date();
  const days = input.noticeDays;
  const takesEffect = inForceFrom(input.effectiveAt, now);
  const channels = (input.notice?.channels ?? []).filter((c): c is NoticeChannel => (NOTICE_CHANNELS as readonly string[]).includes(c));
  if (!input.notice || channels.length === 0) {
    const earliestEffectiveAt = addDays(now, days);
    return {
      ok: false,
      code: 'NOTICE_REQUIRED',
      earliestEffectiveAt,
      reason:
        `this version reduces users' rights: it needs a notice by ${NOTICE_CHANNELS.join(' or ')} at least ${days} days ` +
        `before it takes effect; with notice given now, the earliest effectiveAt is ${earliestEffectiveAt.toISOString()}`,
    };
  }
  const earliestEffectiveAt = addDays(input.notice.noticeAt, days);
  if (earliestEffectiveAt.getTime() > takesEffect.getTime()) {
    return {
      ok: false,
      code: 'NOTICE_REQUIRED',
      earliestEffectiveAt,
      reason:
        `this version reduces users' rights: notice given on ${utcDay(input.notice.noticeAt)} needs ${days} days, ` +
        `so the earliest effectiveAt is ${earliestEffectiveAt.toISOString()}`,
    };
  }
  return { ok: true };
}
