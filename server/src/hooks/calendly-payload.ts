import { z } from 'zod';
import type { CalendarEvent } from '../../../lib/domain/calendar/calendar-event';
import { asksForInstagram, instagramHandleOf } from '../../../lib/domain/calendar/instagram-handle';
import { instantOf, textOf, type WebhookReading } from './read-webhook';

/** The parts of Calendly's webhook body (API v2) the pipeline reads; everything else is kept out. */
const inviteeSchema = z.looseObject({
  uri: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
  created_at: z.string().nullish(),
  rescheduled: z.boolean().nullish(),
  old_invitee: z.string().nullish(),
  new_invitee: z.string().nullish(),
  tracking: z.looseObject({ utm_content: z.string().nullish() }).nullish(),
  questions_and_answers: z
    .array(z.looseObject({ question: z.string().nullish(), answer: z.string().nullish() }))
    .nullish(),
  scheduled_event: z.looseObject({ start_time: z.string().nullish(), name: z.string().nullish() }).nullish(),
  cancellation: z.looseObject({ reason: z.string().nullish() }).nullish(),
  no_show: z.looseObject({ uri: z.string().nullish(), created_at: z.string().nullish() }).nullish(),
});
const envelopeSchema = z.looseObject({ event: z.string(), created_at: z.string(), payload: z.unknown() });

/** The event this server's own test delivery names (Options → Connect a calendar → Send test event). */
export const CALENDLY_TEST_EVENT = 'dm_handoff.test';

const HANDLED = ['invitee.created', 'invitee.canceled', 'invitee_no_show.created', 'invitee_no_show.deleted'];

/**
 * Calendly sends the invitee for all four events: its `tracking.utm_content` is the lead reference the tracked link
 * carried; a reschedule is `invitee.canceled` with `rescheduled: true` on the old invitee plus `invitee.created` with
 * `old_invitee` on the new one, in either order. Calendly sends no event id, so an event's identity is made from what
 * happens once: an invitee is created and cancelled once, each no-show mark is its own object.
 */
export function readCalendlyWebhook(body: unknown): WebhookReading {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success)
    return { kind: 'invalid', message: 'Not a Calendly webhook: "event", "created_at" and "payload" are required' };
  const { event: name, created_at } = envelope.data;
  const sentAt = instantOf(created_at);
  if (sentAt === undefined) return { kind: 'invalid', message: '"created_at" is not a time' };
  if (name === CALENDLY_TEST_EVENT)
    return {
      kind: 'event',
      event: { key: `calendly:test:${created_at}`, provider: 'calendly', kind: 'test', at: sentAt, bookingKey: null },
    };
  if (!HANDLED.includes(name)) return { kind: 'ignored', reason: `"${name}" does not change the pipeline` };
  const parsed = inviteeSchema.safeParse(envelope.data.payload);
  if (!parsed.success)
    return { kind: 'invalid', message: `The "${name}" payload is not an invitee: ${parsed.error.issues[0]?.message}` };
  const invitee = parsed.data;
  const handleAnswer = invitee.questions_and_answers?.find((qa) => asksForInstagram(qa.question ?? ''))?.answer;
  const common = {
    provider: 'calendly' as const,
    bookingKey: invitee.uri,
    callAt: instantOf(invitee.scheduled_event?.start_time),
    leadRef: textOf(invitee.tracking?.utm_content, 200),
    instagramHandle: handleAnswer ? instagramHandleOf(handleAnswer) : undefined,
    inviteeName: textOf(invitee.name, 200),
    inviteeEmail: textOf(invitee.email, 320),
    eventName: textOf(invitee.scheduled_event?.name, 200),
  };
  const event = (e: Omit<CalendarEvent, keyof typeof common>): WebhookReading => ({
    kind: 'event',
    event: stripUndefined({ ...common, ...e }),
  });
  switch (name) {
    case 'invitee.created':
      return event({
        key: `calendly:${name}:${invitee.uri}`,
        kind: invitee.old_invitee ? 'rescheduled' : 'booked',
        at: instantOf(invitee.created_at) ?? sentAt,
        previousBookingKey: invitee.old_invitee ?? undefined,
      });
    case 'invitee.canceled':
      return event({
        key: `calendly:${name}:${invitee.uri}`,
        kind: invitee.rescheduled ? 'replaced' : 'canceled',
        at: sentAt,
        nextBookingKey: invitee.new_invitee ?? undefined,
        reason: textOf(invitee.cancellation?.reason, 500),
      });
    case 'invitee_no_show.created':
      return event({
        key: `calendly:${name}:${invitee.no_show?.uri ?? `${invitee.uri}@${created_at}`}`,
        kind: 'no_show',
        at: instantOf(invitee.no_show?.created_at) ?? sentAt,
      });
    default:
      return event({ key: `calendly:${name}:${invitee.uri}@${created_at}`, kind: 'no_show_cleared', at: sentAt });
  }
}

export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
