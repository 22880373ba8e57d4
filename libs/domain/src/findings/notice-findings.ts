import type { FindingRule } from './rules';
import type { FindingsInput } from './types';

type Add = (rule: FindingRule, dataCategory: string | null, message: string, clause: null) => void;

/**
 * NOTICE_UNDELIVERED (HIGH): one finding per notice and recipient whose
 * e-mail delivery FAILED, so users were not told of a change that weakens
 * their protection.
 */
export function noticeFindings(input: FindingsInput, add: Add): void {
  for (const failed of input.undeliveredNotices ?? []) {
    const why = failed.lastError ? `: ${failed.lastError}` : '';
    const tries = failed.attempts === 1 ? '1 attempt' : `${failed.attempts} attempts`;
    add('NOTICE_UNDELIVERED', null, `notice ${failed.noticeId} could not be e-mailed to ${failed.recipient} after ${tries}${why}`, null);
  }
}
