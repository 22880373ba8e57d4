import { conflictLinkLabel } from './conflict-link';

describe('conflictLinkLabel', () => {
  it.each([
    ['OPEN', true, 'Conflict (open)'],
    ['RESOLVED', false, 'Conflict (resolved)'],
    ['SUPERSEDED', false, 'Conflict (superseded)'],
    // Pending review at the instant shown: the conflict was open then, whatever it is today.
    ['RESOLVED', true, 'Conflict (open then, resolved since)'],
    ['SUPERSEDED', true, 'Conflict (open then, superseded since)'],
  ])('should name a %s conflict of a clause pending review=%s "%s"', (status, pendingReview, label) => {
    expect(conflictLinkLabel(status, pendingReview)).toBe(label);
  });
});
