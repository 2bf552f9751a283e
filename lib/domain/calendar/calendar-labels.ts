// The scheduling tools a team connects, and what their events mean. No zod here: the sidebar shows these names.

export const CALENDAR_PROVIDERS = ['calendly', 'calcom'] as const;
export type CalendarProvider = (typeof CALENDAR_PROVIDERS)[number];

export const CALENDAR_PROVIDER_LABELS: Record<CalendarProvider, string> = {
  calendly: 'Calendly',
  calcom: 'Cal.com',
};

/**
 * What a calendar said happened to a booking, once its webhook is read (server/src/hooks/):
 * `replaced` is the old booking of a reschedule (Calendly cancels it with `rescheduled: true` and books the new one);
 * `test` is the server's own signed test delivery.
 */
export const CALENDAR_EVENT_KINDS = [
  'booked',
  'rescheduled',
  'replaced',
  'canceled',
  'no_show',
  'no_show_cleared',
  'test',
] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export const CALENDAR_EVENT_LABELS: Record<CalendarEventKind, string> = {
  booked: 'Call booked',
  rescheduled: 'Call rescheduled',
  replaced: 'Booking moved to a new time',
  canceled: 'Call cancelled',
  no_show: 'Marked as a no-show',
  no_show_cleared: 'No-show mark removed',
  test: 'Test event',
};
