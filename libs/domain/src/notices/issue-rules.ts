import { NOTICE_CHANNELS, type NoticeChannel } from '../amendments/notice';

/** Who a notice can reach, as the server knows it when the notice is issued. */
export interface NoticeReach {
  /** CANOPY_PUBLIC_NOTICES, and for a SERVICE version the service is public: the banner feed shows it. */
  homepage: boolean;
  /** Deduplicated e-mail recipients (noticeRecipients of the service, or of every service for GLOBAL). */
  emailRecipients: readonly string[];
}

export interface IssueNoticeRequest {
  channels: readonly string[];
  plannedEffectiveAt: Date;
  /** The server's clock: the notice's issuedAt. */
  now: Date;
  reach: NoticeReach;
}

export type IssueNoticeProblem =
  | { code: 'NOTICE_REQUIRED'; argument: 'channels'; message: string }
  | { code: 'BAD_USER_INPUT'; argument: 'channels' | 'plannedEffectiveAt'; channel?: NoticeChannel; message: string };

/**
 * The rules of `issueNotice` (DESIGN.md section 8): at least one channel
 * (NOTICE_REQUIRED otherwise), each channel able to reach someone (HOMEPAGE_BANNER
 * when the banner feed shows it, EMAIL when a recipient exists), and a planned
 * effective date after the issue instant. Returns the problems, first one decides.
 */
export function issueNoticeProblems(request: IssueNoticeRequest): IssueNoticeProblem[] {
  const channels = noticeChannelsOf(request.channels);
  const problems: IssueNoticeProblem[] = [];
  if (channels.length === 0) {
    problems.push({ code: 'NOTICE_REQUIRED', argument: 'channels', message: `A notice needs at least one channel (${NOTICE_CHANNELS.join(' or ')}).` });
  }
  if (channels.includes('EMAIL') && request.reach.emailRecipients.length === 0) {
    problems.push({
      code: 'BAD_USER_INPUT',
      argument: 'channels',
      channel: 'EMAIL',
      message: 'Channel EMAIL reaches nobody: no notice recipient is set (setNoticeRecipients).',
    });
  }
  if (channels.includes('HOMEPAGE_BANNER') && !request.reach.homepage) {
    problems.push({
      code: 'BAD_USER_INPUT',
      argument: 'channels',
      channel: 'HOMEPAGE_BANNER',
      message: 'Channel HOMEPAGE_BANNER reaches nobody: public notices are off (CANOPY_PUBLIC_NOTICES) or the service is not public.',
    });
  }
  if (!(request.plannedEffectiveAt.getTime() > request.now.getTime())) {
    problems.push({ code: 'BAD_USER_INPUT', argument: 'plannedEffectiveAt', message: 'plannedEffectiveAt must be in the future.' });
  }
  return problems;
}

/** Known channels, deduplicated, in the catalogue's order; unknown names dropped. */
export function noticeChannelsOf(values: readonly string[]): NoticeChannel[] {
  return NOTICE_CHANNELS.filter((channel) => values.includes(channel));
}

/**
 * Who a GLOBAL version's notice e-mails: every service's recipients, each
 * address once (first occurrence kept, compared case-insensitively).
 */
export function mergeRecipients(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const list of lists) {
    for (const raw of list) {
      const address = raw.trim().toLowerCase();
      if (address && !seen.has(address)) {
        seen.add(address);
        merged.push(address);
      }
    }
  }
  return merged;
}
