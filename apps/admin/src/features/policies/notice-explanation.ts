import { externalNoticeDateProblem, noticeRequirement, type NoticePeriod } from '@canopy/domain';
import { formatDate, plural } from '../../lib/format';

export interface NoticeForm {
  materialReduction: boolean;
  /** The subjects that get weaker, as the API names them. */
  weakened: readonly string[];
  noticePeriod: NoticePeriod;
  effectiveAt: string | null;
  noticeAt: string | null;
  channels: readonly string[];
  /** When the draft was created: a notice sent before it cannot count (the API refuses it too). */
  draftCreatedAt?: string | null;
  now?: Date;
}

export interface NoticeExplanation {
  required: boolean;
  satisfied: boolean;
  /** Sentences: why a notice is or is not needed, where its length comes from, and what is missing. */
  sentences: string[];
}

const day = (date: Date | null) => formatDate(date?.toISOString());

/**
 * The domain's notice requirement (DESIGN.md section 3) for the publish form
 * as the officer fills it, in words. The API checks the same rule again on
 * publish and answers NOTICE_REQUIRED with the earliest allowed date.
 */
export function explainNotice(form: NoticeForm): NoticeExplanation {
  const now = form.now ?? new Date();
  const days = form.noticePeriod.days;
  const r = noticeRequirement({
    materialReduction: form.materialReduction,
    noticeDays: days,
    effectiveAt: form.effectiveAt ? new Date(form.effectiveAt) : null,
    noticeAt: form.noticeAt ? new Date(form.noticeAt) : null,
    channels: form.channels,
    now,
  });
  if (!r.required) {
    return {
      required: false,
      satisfied: true,
      sentences: ['This version does not reduce users\u2019 rights, so no notice is needed. It may take effect at once or on any later date.'],
    };
  }
  const source =
    form.noticePeriod.source === 'AMENDMENT_CLAUSE'
      ? `the global policy's AMENDMENT notice_days clause in force now`
      : `the default, as the global policy in force has no AMENDMENT notice_days clause`;
  const sentences = [
    `This version reduces users\u2019 rights${form.weakened.length ? ` (${form.weakened.join(', ')} get weaker)` : ''}.`,
    `Users must be told by e-mail or a prominent homepage notice at least ${plural(days, 'day')} before it takes effect (${source}).`,
  ];
  if (r.shortfalls.includes('NO_CHANNEL')) sentences.push('Choose at least one channel for the notice.');
  // Without the draft's creation date, only the future is checked (the earliest instant JavaScript knows stands in).
  const drafted = form.draftCreatedAt ? new Date(form.draftCreatedAt) : new Date(-8.64e15);
  const dateProblem = form.noticeAt ? externalNoticeDateProblem(new Date(form.noticeAt), now, drafted) : null;
  if (dateProblem === 'BEFORE_DRAFT') {
    sentences.push(
      `A notice sent on ${formatDate(form.noticeAt)} cannot count: this draft was only created on ${formatDate(form.draftCreatedAt)}, so that notice cannot have announced it. Enter when the notice about this version went out.`,
    );
    return { required: true, satisfied: false, sentences };
  }
  if (dateProblem === 'IN_FUTURE') {
    const deadline = r.latestNoticeAt && r.latestNoticeAt.getTime() >= now.getTime() ? ` To take effect on ${day(r.takesEffectAt)}, it must go out by ${day(r.latestNoticeAt)}.` : '';
    sentences.push(`A notice dated ${formatDate(form.noticeAt)} has not gone out yet, so it cannot count: record it once it is sent, or issue it from Canopy above.${deadline}`);
    return { required: true, satisfied: false, sentences };
  }
  if (r.shortfalls.includes('NO_NOTICE_DATE')) {
    sentences.push(`Enter when the notice goes out. Sent today, the earliest effective date would be ${day(r.earliestEffectiveAt)}.`);
  } else if (r.shortfalls.includes('NO_EFFECTIVE_DATE')) {
    sentences.push(`With notice on ${formatDate(form.noticeAt)}, the earliest effective date is ${day(r.earliestEffectiveAt)}.`);
  } else if (r.shortfalls.includes('TOO_EARLY')) {
    // A notice date is suggested only while it can still be met: never one in the past.
    const stillPossible = r.latestNoticeAt && r.latestNoticeAt.getTime() >= now.getTime();
    sentences.push(
      `The effective date is too early: with notice on ${formatDate(form.noticeAt)} it can be ${day(r.earliestEffectiveAt)} at the earliest${stillPossible ? ` (or send the notice by ${day(r.latestNoticeAt)})` : ''}.`,
    );
  } else {
    const past = r.takesEffectAt && form.effectiveAt && r.takesEffectAt.getTime() > new Date(form.effectiveAt).getTime();
    sentences.push(`Notice on ${formatDate(form.noticeAt)} and effect on ${day(r.takesEffectAt)}${past ? ' (a past date means now)' : ''} meet the rule.`);
  }
  return { required: true, satisfied: r.satisfied, sentences };
}
