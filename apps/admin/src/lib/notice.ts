import { findApplicableClause, type ClauseLike } from './clauses';
import { formatDate, plural } from './format';

/**
 * The amendment rule (DESIGN.md section 3): a version that reduces users'
 * rights must be announced (e-mail or a homepage banner) at least
 * `notice_days` before it takes effect, `notice_days` being the GLOBAL
 * AMENDMENT clause in force at publish time, 30 without one. The API decides;
 * the console computes the same requirement so the officer sees it, with its
 * reasons, before submitting.
 */
export const DEFAULT_NOTICE_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export type NoticeChannel = 'EMAIL' | 'HOMEPAGE_BANNER';
export const CHANNEL_LABELS: Record<NoticeChannel, string> = { EMAIL: 'e-mail to users', HOMEPAGE_BANNER: 'prominent homepage notice' };

export function noticeDaysFrom(globalClauses: readonly (ClauseLike & { value: string })[] | null | undefined): { days: number; fromClause: boolean } {
  const clause = globalClauses ? findApplicableClause(globalClauses, 'AMENDMENT', 'notice_days') : undefined;
  const days = clause ? Number(clause.value) : Number.NaN;
  return Number.isInteger(days) && days >= 0 ? { days, fromClause: true } : { days: DEFAULT_NOTICE_DAYS, fromClause: false };
}

export interface NoticeInput {
  materialReduction: boolean;
  /** Subjects whose applicable value gets weaker, when the API names them. */
  weakened?: readonly string[];
  noticeDays: number;
  noticeDaysFromClause: boolean;
  effectiveAt: string | null;
  noticeAt: string | null;
  channels: readonly NoticeChannel[];
  now?: Date;
}

export interface NoticeRequirement {
  required: boolean;
  /** True when what was entered satisfies the rule (always when no notice is required). */
  satisfied: boolean;
  /** The earliest effective instant the entered notice allows. */
  earliestEffectiveAt: string | null;
  /** The latest notice instant the entered effective date allows. */
  latestNoticeAt: string | null;
  /** Sentences: why a notice is or is not needed, and what is missing. */
  explanation: string[];
}

export function noticeRequirement(input: NoticeInput): NoticeRequirement {
  const now = input.now ?? new Date();
  if (!input.materialReduction) {
    return {
      required: false,
      satisfied: true,
      earliestEffectiveAt: null,
      latestNoticeAt: null,
      explanation: ['This version does not reduce users\u2019 rights, so no notice is needed. It may take effect at once or on any later date.'],
    };
  }
  const source = input.noticeDaysFromClause
    ? `the global policy's AMENDMENT notice_days clause in force now`
    : `the default, as the global policy in force has no AMENDMENT notice_days clause`;
  const explanation = [
    `This version reduces users\u2019 rights${input.weakened?.length ? ` (${input.weakened.join(', ')} get weaker)` : ''}.`,
    `Users must be told by e-mail or a prominent homepage notice at least ${plural(input.noticeDays, 'day')} before it takes effect (${source}).`,
  ];
  const effective = input.effectiveAt ? new Date(input.effectiveAt) : null;
  const notice = input.noticeAt ? new Date(input.noticeAt) : null;
  const earliest = notice ? new Date(notice.getTime() + input.noticeDays * DAY) : new Date(now.getTime() + input.noticeDays * DAY);
  const latestNotice = effective ? new Date(effective.getTime() - input.noticeDays * DAY) : null;
  let satisfied = true;
  if (input.channels.length === 0) {
    satisfied = false;
    explanation.push('Choose at least one channel for the notice.');
  }
  if (!notice) {
    satisfied = false;
    explanation.push(`Enter when the notice goes out. Sent today, the earliest effective date would be ${formatDate(earliest.toISOString())}.`);
  } else if (!effective) {
    satisfied = false;
    explanation.push(`With notice on ${formatDate(notice.toISOString())}, the earliest effective date is ${formatDate(earliest.toISOString())}.`);
  } else if (effective.getTime() < earliest.getTime()) {
    satisfied = false;
    explanation.push(
      `The effective date is too early: with notice on ${formatDate(notice.toISOString())} it can be ${formatDate(earliest.toISOString())} at the earliest (or send the notice by ${formatDate(latestNotice!.toISOString())}).`,
    );
  } else {
    explanation.push(`Notice on ${formatDate(notice.toISOString())} and effect on ${formatDate(effective.toISOString())} meet the rule.`);
  }
  return {
    required: true,
    satisfied,
    earliestEffectiveAt: earliest.toISOString(),
    latestNoticeAt: latestNotice ? latestNotice.toISOString() : null,
    explanation,
  };
}

/**
 * A SERVICE_PREVAILS resolution takes effect when made and lowers what the
 * service's users get: the officer is reminded of the notice the amendment
 * rule asks for, unless the service version was already announced.
 */
export function servicePrevailsReminder(input: {
  serviceName: string;
  topic: string;
  subject: string;
  globalValue: string;
  serviceValue: string;
  noticeDays: number;
  serviceVersionNotice?: { channels: readonly string[]; noticeAt: string } | null;
}): string {
  const change = `${input.topic} ${input.subject} goes from ${input.globalValue} (global policy) to ${input.serviceValue} (service policy)`;
  if (input.serviceVersionNotice) {
    const channels = input.serviceVersionNotice.channels.map((c) => CHANNEL_LABELS[c as NoticeChannel] ?? c).join(' and ');
    return `If the service policy prevails, ${change} for users of ${input.serviceName} at once. The service policy version was announced by ${channels} on ${formatDate(input.serviceVersionNotice.noticeAt)}: check that the notice covered this change.`;
  }
  return `If the service policy prevails, ${change} for users of ${input.serviceName} at once. This reduces their rights: the general policy asks for notice by e-mail or a prominent homepage notice, ${plural(input.noticeDays, 'day')} ahead of such a change, and no notice is recorded for this service policy version.`;
}
