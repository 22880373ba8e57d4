import { isNotificationEvent, NOTIFICATION_EVENTS, parseEventNames } from './events';

describe('notification events', () => {
  it('should be the five of DESIGN.md section 8', () => {
    expect(NOTIFICATION_EVENTS).toEqual(['conflict.opened', 'sharing.submitted', 'sharing.decided', 'notice.issued', 'policy.published']);
    expect(isNotificationEvent('notice.issued')).toBe(true);
    expect(isNotificationEvent('Notice.Issued')).toBe(false);
  });

  it('should keep the known names once, in the catalogue order, and name the unknown ones', () => {
    expect(parseEventNames(['policy.published', 'sharing.submitted', 'policy.published', 'dpa.expiring', 'dpa.expiring'])).toEqual({
      events: ['sharing.submitted', 'policy.published'],
      unknown: ['dpa.expiring'],
    });
  });
});
