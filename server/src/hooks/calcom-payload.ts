import { z } from 'zod';
import type { CalendarEvent } from '../../../lib/domain/calendar/calendar-event';
import { asksForInstagram, instagramHandleOf } from '../../../lib/domain/calendar/instagram-handle';
import { CALCOM_REFERENCE_KEY } from '../../../lib/domain/calendar/tracked-booking-link';
import { stripUndefined } from './calendly-payload';
import { instantOf, textOf, type WebhookReading } from './read-webhook';

const envelopeSchema = z.looseObject({ triggerEvent: z.string(), createdAt: z.string(), payload: z.unknown() });
const attendeeSchema = z.looseObject({
  email: z.string().nullish(),
  name: z.string().nullish(),
  noShow: z.boolean().nullish(),
});
const bookingSchema = z.looseObject({
  uid: z.string().min(1),
  startTime: z.string().nullish(),
  title: z.string().nullish(),
  rescheduleUid: z.string().nullish(),
  rescheduled: z.boolean().nullish(),
  cancellationReason: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  responses: z.record(z.string(), z.unknown()).nullish(),
  attendees: z.array(attendeeSchema).nullish(),
});
const noShowSchema = z.looseObject({ bookingUid: z.string().min(1), attendees: z.array(attendeeSchema) });

/** A booking-form answer: `{ label, value }` in current Cal.com, a bare value in older payloads. */
function answerOf(response: unknown): { label?: string; value?: string } {
  if (typeof response === 'string') return { value: response };
  if (response && typeof response === 'object') {
    const { label, value } = response as { label?: unknown; value?: unknown };
    return {
      label: typeof label === 'string' ? label : undefined,
      value: typeof value === 'string' ? value : undefined,
    };
  }
  return {};
}

function instagramAnswer(responses: Record<string, unknown>): string | undefined {
  for (const [key, response] of Object.entries(responses)) {
    const { label, value } = answerOf(response);
    if (value && (asksForInstagram(key) || asksForInstagram(label ?? ''))) return instagramHandleOf(value);
  }
  return undefined;
}

const TRIGGERS: Record<string, CalendarEvent['kind']> = {
  BOOKING_CREATED: 'booked',
  BOOKING_RESCHEDULED: 'rescheduled',
  BOOKING_CANCELLED: 'canceled',
};

/**
 * Cal.com: `metadata[dmh]` on the booking link comes back in `payload.metadata.dmh` (a booking-form field named `dmh`
 * is read too). A reschedule is one `BOOKING_RESCHEDULED` whose `rescheduleUid` is the booking it replaces; a no-show
 * names only the booking's uid and its attendees. Cal.com's "Ping test" (`PING`) is recorded as a test event.
 */
export function readCalcomWebhook(body: unknown): WebhookReading {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success)
    return {
      kind: 'invalid',
      message: 'Not a Cal.com webhook: "triggerEvent", "createdAt" and "payload" are required',
    };
  const { triggerEvent, createdAt } = envelope.data;
  const sentAt = instantOf(createdAt);
  if (sentAt === undefined) return { kind: 'invalid', message: '"createdAt" is not a time' };
  if (triggerEvent === 'PING')
    return {
      kind: 'event',
      event: { key: `calcom:PING:${createdAt}`, provider: 'calcom', kind: 'test', at: sentAt, bookingKey: null },
    };
  if (triggerEvent === 'BOOKING_NO_SHOW_UPDATED') {
    const parsed = noShowSchema.safeParse(envelope.data.payload);
    if (!parsed.success)
      return { kind: 'invalid', message: `The no-show payload is not readable: ${parsed.error.issues[0]?.message}` };
    const noShow = parsed.data.attendees.some((a) => a.noShow === true);
    return {
      kind: 'event',
      event: stripUndefined({
        key: `calcom:${triggerEvent}:${parsed.data.bookingUid}:${createdAt}:${noShow}`,
        provider: 'calcom' as const,
        kind: noShow ? ('no_show' as const) : ('no_show_cleared' as const),
        at: sentAt,
        bookingKey: parsed.data.bookingUid,
        inviteeEmail: textOf(parsed.data.attendees[0]?.email, 320),
      }),
    };
  }
  const kind = TRIGGERS[triggerEvent];
  if (!kind) return { kind: 'ignored', reason: `"${triggerEvent}" does not change the pipeline` };
  const parsed = bookingSchema.safeParse(envelope.data.payload);
  if (!parsed.success)
    return { kind: 'invalid', message: `The booking payload is not readable: ${parsed.error.issues[0]?.message}` };
  const booking = parsed.data;
  const responses = booking.responses ?? {};
  const attendee = booking.attendees?.[0];
  return {
    kind: 'event',
    event: stripUndefined({
      key: `calcom:${triggerEvent}:${booking.uid}`,
      provider: 'calcom' as const,
      kind: kind === 'canceled' && booking.rescheduled ? 'replaced' : kind,
      at: sentAt,
      bookingKey: booking.uid,
      previousBookingKey: kind === 'rescheduled' ? (booking.rescheduleUid ?? undefined) : undefined,
      callAt: instantOf(booking.startTime),
      reason: kind === 'canceled' ? textOf(booking.cancellationReason, 500) : undefined,
      leadRef:
        textOf(booking.metadata?.[CALCOM_REFERENCE_KEY], 200) ??
        textOf(answerOf(responses[CALCOM_REFERENCE_KEY]).value, 200),
      instagramHandle: instagramAnswer(responses),
      inviteeName: textOf(attendee?.name, 200) ?? textOf(answerOf(responses.name).value, 200),
      inviteeEmail: textOf(attendee?.email, 320) ?? textOf(answerOf(responses.email).value, 320),
      eventName: textOf(booking.title, 200),
    }),
  };
}
