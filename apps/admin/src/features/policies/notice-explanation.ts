import { noticeRequirement, type NoticePeriod } from '@canopy/domain';
import { formatDate, plural } from '../../lib/format';

export interface NoticeForm {
  materialReduction: boolean;
  /** The subjects that get weaker, as the API names them. */
  weakened: readonly string[];
  noticePeriod: NoticePeriod;
  effectiveAt: string | null;
  noticeAt: string | null;
  channels: readonly string[];
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
  if (r.shortfalls.includes('NO_NOTICE_DATE')) {
    sentences.push(`Enter when the notice goes out. Sent today, the earliest effective date would be ${day(r.earliestEffectiveAt)}.`);
  } else if (r.shortfalls.includes('NO_EFFECTIVE_DATE')) {
    sentences.push(`With notice on ${formatDate(form.noticeAt)}, the earliest effective date is ${day(r.earliestEffectiveAt)}.`);
  } else if (r.shortfalls.includes('TOO_EARLY')) {
    sentences.push(
      `The effective date is too early: with notice on ${formatDate(form.noticeAt)} it can be ${day(r.earliestEffectiveAt)} at the earliest (or send the notice by ${day(r.latestNoticeAt)}).`,
    );
  } else {
    const past = r.takesEffectAt && form.effectiveAt && r.takesEffectAt.getTime() > new Date(form.effectiveAt).getTime();
    sentences.push(`Notice on ${formatDate(form.noticeAt)} and effect on ${day(r.takesEffectAt)}${past ? ' (a past date means now)' : ''} meet the rule.`);
  }
  return { required: true, satisfied: r.satisfied, sentences };
}
