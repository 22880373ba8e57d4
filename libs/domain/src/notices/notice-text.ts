import type { WeakenedSubject } from '../amendments/material-reduction';
import { utcDay } from '../shared/dates';

export interface NoticeTextInput {
  /** e.g. "the Maps privacy policy" or "the general privacy policy". */
  policyTitle: string;
  weakened: readonly Pick<WeakenedSubject, 'topic' | 'subject' | 'before' | 'after'>[];
  plannedEffectiveAt: Date;
  message?: string | null;
  /** Where the policy can be read, when public pages exist for it. */
  link?: string | null;
}

const TOPIC_WORDS: Record<string, string> = {
  COLLECTION: 'collection of',
  USE: 'use of',
  SHARING: 'sharing of',
  RETENTION: 'how long we keep',
  ENCRYPTION: 'protection of',
  RIGHT: 'your right to',
  COMMUNICATION: 'messages about',
  MINORS: 'rules for minors on',
  AMENDMENT: 'notice of changes:',
};

const MAX_LISTED = 20;

/** The notice's subject line. */
export function noticeSubject(policyTitle: string, plannedEffectiveAt: Date): string {
  return `Changes to ${policyTitle} from ${utcDay(plannedEffectiveAt)}`;
}

/**
 * The text of an issued notice (DESIGN.md section 8), in plain words: what
 * gets weaker, the planned date, then the officer's message. Deterministic,
 * so the console can show it before sending and the e-mail says the same.
 */
export function noticeText(input: NoticeTextInput): string {
  const lines = [`We are changing ${input.policyTitle}. The changes take effect on ${utcDay(input.plannedEffectiveAt)} at the earliest.`];
  if (input.weakened.length) {
    lines.push('', 'What changes for you:');
    for (const w of input.weakened.slice(0, MAX_LISTED)) {
      const what = `${TOPIC_WORDS[w.topic] ?? w.topic.toLowerCase()} ${w.subject.replace(/[_.]/g, ' ')}`;
      lines.push(`- ${what[0].toUpperCase()}${what.slice(1)}: ${w.before} becomes ${w.after ?? 'no longer promised'}.`);
    }
    if (input.weakened.length > MAX_LISTED) lines.push(`- and ${input.weakened.length - MAX_LISTED} more changes.`);
  } else {
    lines.push('', 'None of your rights is reduced by this change.');
  }
  const message = input.message?.trim();
  if (message) lines.push('', message);
  if (input.link) lines.push('', `Read the policy: ${input.link}`);
  return lines.join('\n');
}
