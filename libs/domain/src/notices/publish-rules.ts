import { addDays } from '../shared/dates';
import { checkNotice, inForceFrom, type NoticeCheckResult } from '../amendments/notice';

/** A notice Canopy issued for the version being published. */
export interface IssuedNoticeFacts {
  issuedAt: Date;
  plannedEffectiveAt: Date;
  channels: readonly string[];
  voided: boolean;
}

/** A notice the officer says was sent outside Canopy (`notice` on publish). */
export interface ExternalNoticeFacts {
  channels: readonly string[];
  noticeAt: Date;
  evidence: string | null | undefined;
}

export interface PublishNoticeInput {
  materialReduction: boolean;
  noticeDays: number;
  effectiveAt: Date;
  now: Date;
  /** When the version's draft was created: an external notice may not predate it. */
  draftCreatedAt: Date;
  issued: readonly IssuedNoticeFacts[];
  external: ExternalNoticeFacts | null;
}

export type PublishNoticeDecision =
  | { ok: true; /** The notice the version records, if any: an issued one that satisfies, or the external one. */ notice: { channels: string[]; noticeAt: Date; evidence: string | null } | null }
  | { ok: false; code: 'NOTICE_REQUIRED' | 'BAD_USER_INPUT'; argument: string; message: string; earliestEffectiveAt: Date | null };

/** Why the date of a notice sent outside Canopy cannot count for a draft: it has not happened yet, or it predates the draft. */
export type ExternalNoticeDateProblem = 'IN_FUTURE' | 'BEFORE_DRAFT';

export function externalNoticeDateProblem(noticeAt: Date, now: Date, draftCreatedAt: Date): ExternalNoticeDateProblem | null {
  if (noticeAt.getTime() > now.getTime()) return 'IN_FUTURE';
  if (noticeAt.getTime() < draftCreatedAt.getTime()) return 'BEFORE_DRAFT';
  return null;
}

/**
 * Whether a version may be published with the notices it has (DESIGN.md
 * section 8). A material reduction needs either an issued, not voided notice
 * with `issuedAt <= takesEffectAt - noticeDays` and `effectiveAt >=
 * plannedEffectiveAt`, or an external notice with evidence and a plausible
 * date (not in the future, not before the draft existed) that satisfies the
 * amendment rule of section 3. A notice without a channel is NOTICE_REQUIRED.
 */
export function decidePublishNotice(input: PublishNoticeInput): PublishNoticeDecision {
  const external = input.external;
  if (external) {
    if (external.channels.length === 0) {
      return { ok: false, code: 'NOTICE_REQUIRED', argument: 'notice.channels', message: 'A notice needs at least one channel.', earliestEffectiveAt: null };
    }
    const evidence = external.evidence?.trim() ?? '';
    if (!evidence) {
      return {
        ok: false,
        code: 'NOTICE_REQUIRED',
        argument: 'notice.evidence',
        message: 'A notice sent outside Canopy needs evidence (a reference or URL); or issue the notice with issueNotice.',
        earliestEffectiveAt: null,
      };
    }
    if (evidence.length > 2000) {
      return { ok: false, code: 'BAD_USER_INPUT', argument: 'notice.evidence', message: 'evidence has at most 2000 characters.', earliestEffectiveAt: null };
    }
    const dateProblem = externalNoticeDateProblem(external.noticeAt, input.now, input.draftCreatedAt);
    if (dateProblem === 'IN_FUTURE') {
      return { ok: false, code: 'BAD_USER_INPUT', argument: 'notice.noticeAt', message: 'noticeAt may not be in the future.', earliestEffectiveAt: null };
    }
    if (dateProblem === 'BEFORE_DRAFT') {
      return {
        ok: false,
        code: 'BAD_USER_INPUT',
        argument: 'notice.noticeAt',
        message: `noticeAt may not be before the draft was created (${input.draftCreatedAt.toISOString()}).`,
        earliestEffectiveAt: null,
      };
    }
    const checked = checkNotice({ materialReduction: input.materialReduction, notice: external, effectiveAt: input.effectiveAt, noticeDays: input.noticeDays, now: input.now });
    if (!checked.ok) return refusal(checked);
    return { ok: true, notice: { channels: [...new Set(external.channels)], noticeAt: external.noticeAt, evidence } };
  }
  const satisfying = satisfyingIssuedNotice(input);
  if (satisfying) return { ok: true, notice: { channels: [...satisfying.channels], noticeAt: satisfying.issuedAt, evidence: null } };
  if (!input.materialReduction) return { ok: true, notice: null };
  const valid = input.issued.filter((n) => !n.voided);
  const checked = checkNotice({ materialReduction: true, notice: null, effectiveAt: input.effectiveAt, noticeDays: input.noticeDays, now: input.now });
  if (valid.length === 0) return refusal(checked as Extract<NoticeCheckResult, { ok: false }>, input.issued.length ? ' (earlier notices were voided by drafting again)' : '');
  const earliest = earliestEffectiveAtFor(valid, input.noticeDays);
  return {
    ok: false,
    code: 'NOTICE_REQUIRED',
    argument: 'effectiveAt',
    message:
      `no issued notice allows effectiveAt ${input.effectiveAt.toISOString()}: it must be at least ${input.noticeDays} days after the notice ` +
      `and not before its planned effective date; the earliest it allows is ${earliest.toISOString()}`,
    earliestEffectiveAt: earliest,
  };
}

/** The first issued, not voided notice that covers the effective date, or null. */
export function satisfyingIssuedNotice(input: Pick<PublishNoticeInput, 'issued' | 'effectiveAt' | 'now' | 'noticeDays'>): IssuedNoticeFacts | null {
  const takesEffectAt = inForceFrom(input.effectiveAt, input.now);
  return (
    input.issued.find(
      (n) =>
        !n.voided &&
        n.channels.length > 0 &&
        n.issuedAt.getTime() <= addDays(takesEffectAt, -input.noticeDays).getTime() &&
        input.effectiveAt.getTime() >= n.plannedEffectiveAt.getTime(),
    ) ?? null
  );
}

/** The earliest effective date any of these (valid) notices allows: max(issuedAt + noticeDays, plannedEffectiveAt), the least of them. */
export function earliestEffectiveAtFor(notices: readonly IssuedNoticeFacts[], noticeDays: number): Date {
  const times = notices.map((n) => Math.max(addDays(n.issuedAt, noticeDays).getTime(), n.plannedEffectiveAt.getTime()));
  return new Date(Math.min(...times));
}

function refusal(checked: Extract<NoticeCheckResult, { ok: false }>, suffix = ''): PublishNoticeDecision {
  return { ok: false, code: 'NOTICE_REQUIRED', argument: 'notice', message: checked.reason + suffix, earliestEffectiveAt: checked.earliestEffectiveAt };
}
