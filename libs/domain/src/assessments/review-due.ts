/** An approved assessment is reviewed at most this many months after approval (DESIGN.md section 9). */
export const MAX_REVIEW_MONTHS = 12;

/**
 * `date` plus `months` calendar months in UTC, the time of day kept; a day
 * the target month lacks becomes its last day (29 February 2028 plus 12
 * months is 28 February 2029).
 */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return out;
}

/** The latest review date an assessment approved (or submitted) at `from` may carry. */
export function latestReviewDue(from: Date): Date {
  return addMonthsUtc(from, MAX_REVIEW_MONTHS);
}

/**
 * Why `reviewDueAt` is not valid for an assessment approved (or submitted)
 * at `from`, or null: it must be set, after `from`, and at most
 * {@link MAX_REVIEW_MONTHS} months after it. Checked at submit and again at
 * approval, so an approval never carries a review date past the limit.
 */
export function reviewDueProblem(reviewDueAt: Date | null | undefined, from: Date): string | null {
  if (!reviewDueAt) return 'no review date is set';
  if (reviewDueAt.getTime() <= from.getTime()) return `the review date ${reviewDueAt.toISOString()} is not in the future`;
  const latest = latestReviewDue(from);
  if (reviewDueAt.getTime() > latest.getTime()) {
    return `the review date ${reviewDueAt.toISOString()} is more than ${MAX_REVIEW_MONTHS} months away (at the latest ${latest.toISOString()})`;
  }
  return null;
}
