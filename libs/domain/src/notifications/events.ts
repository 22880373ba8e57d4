/**
 * The notification events of DESIGN.md section 8, each written to the outbox
 * by the mutation that causes it. Webhooks subscribe to these names.
 */
export const NOTIFICATION_EVENTS = ['conflict.opened', 'sharing.submitted', 'sharing.decided', 'notice.issued', 'policy.published'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export function isNotificationEvent(value: unknown): value is NotificationEvent {
  return typeof value === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** A subscription's events: duplicates dropped, in the catalogue's order; the names that are no event listed apart. */
export function parseEventNames(values: readonly string[]): { events: NotificationEvent[]; unknown: string[] } {
  const unknown = [...new Set(values.filter((v) => !isNotificationEvent(v)))];
  const events = NOTIFICATION_EVENTS.filter((event) => values.includes(event));
  return { events, unknown };
}
