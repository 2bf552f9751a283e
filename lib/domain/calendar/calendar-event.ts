import { z } from 'zod';
import { instantSchema } from '../lead';
import { CALENDAR_EVENT_KINDS, CALENDAR_PROVIDERS } from './calendar-labels';

export * from './calendar-labels';

const text = (max: number) => z.string().max(max);

/**
 * One calendar webhook, read into what the pipeline needs. Matching uses only `leadRef` (the tracked link's reference),
 * the booking chain (`bookingKey`, `previousBookingKey`, `nextBookingKey`) and `instagramHandle` (an answer on the
 * booking form); the invitee's name and email are kept only to show a coach matching an event by hand.
 */
export const calendarEventSchema = z.object({
  /** The provider's identity of this event (idempotency): the same delivery sent twice has the same key. */
  key: text(600),
  provider: z.enum(CALENDAR_PROVIDERS),
  kind: z.enum(CALENDAR_EVENT_KINDS),
  /** When the calendar says it happened (the no-show was marked, the booking made). */
  at: instantSchema,
  /** The booking it is about: Calendly's invitee URI, Cal.com's booking uid. */
  bookingKey: text(600).nullable(),
  /** A reschedule: the booking this one replaces. */
  previousBookingKey: text(600).optional(),
  /** A replaced booking: the one that replaces it, where the calendar says. */
  nextBookingKey: text(600).optional(),
  /** The call's start. */
  callAt: instantSchema.optional(),
  /** A cancellation's reason as the canceller gave it. */
  reason: text(500).optional(),
  leadRef: text(200).optional(),
  /** Normalised: lower case, no @. */
  instagramHandle: text(30).optional(),
  inviteeName: text(200).optional(),
  inviteeEmail: text(320).optional(),
  /** The event type's name ("Discovery call"). */
  eventName: text(200).optional(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;
