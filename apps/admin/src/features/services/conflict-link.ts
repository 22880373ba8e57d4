/**
 * The words of the link from an effective clause to its conflict. A clause
 * pending review was decided by a conflict OPEN at the instant shown; viewed
 * from the past, that conflict may be resolved or superseded today, and the
 * link says both rather than only today's status.
 */
export function conflictLinkLabel(status: string, pendingReview: boolean): string {
  const today = status.toLowerCase();
  if (!pendingReview || status === 'OPEN') return `Conflict (${today})`;
  return `Conflict (open then, ${today} since)`;
}
