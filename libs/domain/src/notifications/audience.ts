import type { NotificationEvent } from './events';

/** Events an officer reviews: they are told by e-mail (DESIGN.md section 8). */
export const REVIEW_EVENTS: readonly NotificationEvent[] = ['conflict.opened', 'sharing.submitted'];

export interface NotificationAudience {
  officers: boolean;
  /** The engineers of the teams owning the services the event is about. */
  teamEngineers: boolean;
}

/**
 * Who is e-mailed about an event: officers for review events, and for events
 * about no service (the GLOBAL policy); engineers for every event of their
 * teams' services.
 */
export function notificationAudience(event: NotificationEvent, aboutServices: boolean): NotificationAudience {
  return { officers: REVIEW_EVENTS.includes(event) || !aboutServices, teamEngineers: aboutServices };
}
