import type { ClauseLike } from '../clauses/types';
import { addDays, utcDay } from '../shared/dates';

export const DEFAULT_NOTICE_DAYS = 30;
export const NOTICE_CHANNELS = ['EMAIL', 'HOMEPAGE_BANNER'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** Where the notice period comes from: the GLOBAL AMENDMENT `notice_days` clause, or the default. */
export type NoticePeriodSource = 'AMENDMENT_CLAUSE' | 'DEFAULT';

export interface NoticePeriod {
  days: number;
  source: NoticePeriodSource;
}

/**
 * The notice period of DESIGN.md section 3: `notice_days` of the GLOBAL
 * version in force at publish time, {@link DEFAULT_NOTICE_DAYS} when there is
 * none or it has no AMENDMENT clause. A version's own AMENDMENT clause never
 * applies to itself: pass the clauses of the global version in force, not of
 * the one being published.
 */
export function noticePeriodOf(globalClausesInForce: readonly ClauseLike[] | null | undefined): NoticePeriod {
  const clause = (globalClausesInForce ?? []).find((c) => c.topic === 'AMENDMENT' && c.subject === 'notice_days');
  if (!clause || !/^(0|[1-9][0-9]*)$/.test(clause.value)) return { days: DEFAULT_NOTICE_DAYS, source: 'DEFAULT' };
  return { days: Number(clause.value), source: 'AMENDMENT_CLAUSE' };
}

/** The number of days of {@link noticePeriodOf}. */
export function noticeDaysFrom(globalClausesInForce: readonly ClauseLike[] | null | undefined): number {
  return noticePeriodOf(globalClausesInForce).days;
}

/**
 * When a version published at `publishedAt` comes into force (DESIGN.md
 * section 2): max(effectiveAt, publishedAt). A past `effectiveAt` means "now":
 * history is never rewritten.
 */
export function inForceFrom(effectiveAt: Date, publishedAt: Date): Date {
  return new Date(Math.max(effectiveAt.getTime(), publishedAt.getTime()));
}

/** What keeps a material reduction from being published yet. */
export type NoticeShortfall = 'NO_CHANNEL' | 'NO_NOTICE_DATE' | 'NO_EFFECTIVE_DATE' | 'TOO_EARLY';

export interface NoticeRequirementInput {
  materialReduction: boolean;
  noticeDays: number;
  /** The requested effective date; null while not chosen yet. */
  effectiveAt: Date | null;
  /** When the notice goes (or went) out; null while not known. */
  noticeAt: Date | null;
  /** Unknown channels do not count. */
  channels: readonly string[];
  /** Publish time. */
  now: Date;
}

export interface NoticeRequirement {
  required: boolean;
  /** Nothing is missing: always true when no notice is required. */
  satisfied: boolean;
  shortfalls: NoticeShortfall[];
  /** {@link inForceFrom} of the effective date if published `now`; null without one. */
  takesEffectAt: Date | null;
  /** Earliest effective date the notice allows (counted from `now` without a notice date); null when no notice is required. */
  earliestEffectiveAt: Date | null;
  /** Latest notice date the effective date allows; null when no notice is required or no effective date is chosen. */
  latestNoticeAt: Date | null;
}

/**
 * The amendment rule with its reasons (DESIGN.md section 3): a material
 * reduction needs a notice on at least one channel (EMAIL, HOMEPAGE_BANNER)
 * with `noticeAt <= takesEffectAt - noticeDays`, where the version takes
 * effect at max(effectiveAt, now). Works on a half-filled form: what is not
 * entered yet is a shortfall.
 */
export function noticeRequirement(input: NoticeRequirementInput): NoticeRequirement {
  const takesEffectAt = input.effectiveAt ? inForceFrom(input.effectiveAt, input.now) : null;
  if (!input.materialReduction) {
    return { required: false, satisfied: true, shortfalls: [], takesEffectAt, earliestEffectiveAt: null, latestNoticeAt: null };
  }
  const days = input.noticeDays;
  const earliestEffectiveAt = addDays(input.noticeAt ?? input.now, days);
  const latestNoticeAt = takesEffectAt ? addDays(takesEffectAt, -days) : null;
  const shortfalls: NoticeShortfall[] = [];
  if (!input.channels.some((c) => (NOTICE_CHANNELS as readonly string[]).includes(c))) shortfalls.push('NO_CHANNEL');
  if (!input.noticeAt) shortfalls.push('NO_NOTICE_DATE');
  if (!takesEffectAt) shortfalls.push('NO_EFFECTIVE_DATE');
  else if (input.noticeAt && earliestEffectiveAt.getTime() > takesEffectAt.getTime()) shortfalls.push('TOO_EARLY');
  return { required: true, satisfied: shortfalls.length === 0, shortfalls, takesEffectAt, earliestEffectiveAt, latestNoticeAt };
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

/** {@link noticeRequirement} at publish time, as the API answers it (`NOTICE_REQUIRED` with the earliest allowed effectiveAt). */
export function checkNotice(input: NoticeCheckInput): NoticeCheckResult {
  const now = input.now ?? new Date();
  const days = input.noticeDays;
  const requirement = noticeRequirement({
    materialReduction: input.materialReduction,
    noticeDays: days,
    effectiveAt: input.effectiveAt,
    noticeAt: input.notice?.noticeAt ?? null,
    channels: input.notice?.channels ?? [],
    now,
  });
  if (requirement.satisfied) return { ok: true };
  if (!input.notice || requirement.shortfalls.includes('NO_CHANNEL')) {
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
  return {
    ok: false,
    code: 'NOTICE_REQUIRED',
    earliestEffectiveAt,
    reason:
      `this version reduces users' rights: notice given on ${utcDay(input.notice.noticeAt)} needs ${days} days, ` +
      `so the earliest effectiveAt is ${earliestEffectiveAt.toISOString()}`,
  };
}
