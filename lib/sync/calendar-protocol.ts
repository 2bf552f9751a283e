import { z } from 'zod';
import { CALENDAR_EVENT_KINDS, CALENDAR_PROVIDERS } from '../domain/calendar/calendar-labels';
import { isSchedulingLink } from '../domain/calendar/tracked-booking-link';

/**
 * The team server's calendar endpoints (a coach's): the webhook connection, the events received and matching one by
 * hand. Shared by the server and the extension's background. Pure zod: no Node or browser API.
 */

export const CALENDAR_EVENT_STATUSES = ['applied', 'unmatched', 'dismissed', 'test'] as const;
export const MATCH_METHODS = ['reference', 'booking', 'instagram', 'hand'] as const;

/** An event the server received and what became of it. The invitee's name and email help a coach match by hand. */
export const calendarLogEntrySchema = z.object({
  id: z.string(),
  provider: z.enum(CALENDAR_PROVIDERS),
  kind: z.enum(CALENDAR_EVENT_KINDS),
  receivedAt: z.number().int(),
  status: z.enum(CALENDAR_EVENT_STATUSES),
  leadId: z.string().nullable(),
  /** How the lead was found: the link's reference, an earlier booking of the chain, the form's Instagram handle, a coach. */
  matchedBy: z.enum(MATCH_METHODS).nullable(),
  /** What the event did, as a sentence. */
  outcome: z.string(),
  callAt: z.number().int().optional(),
  inviteeName: z.string().optional(),
  inviteeEmail: z.string().optional(),
  instagramHandle: z.string().optional(),
  eventName: z.string().optional(),
});
export type CalendarLogEntry = z.infer<typeof calendarLogEntrySchema>;

/** `GET /v1/calendar`: the team's connection (hookId: null until a coach connects one). */
export const calendarStatusSchema = z.object({
  hookId: z.string().nullable(),
  bookingUrl: z.string().nullable(),
  secretCreatedAt: z.number().int().nullable(),
  lastEvent: calendarLogEntrySchema.nullable(),
  /** Events no lead matched, newest first (at most 100). */
  unmatched: z.array(calendarLogEntrySchema),
});
export type CalendarStatus = z.infer<typeof calendarStatusSchema>;

export const calendarSecretSchema = z.object({ secret: z.string() });

export const bookingUrlRequestSchema = z
  .object({
    bookingUrl: z
      .string()
      .trim()
      .max(500)
      .refine(isSchedulingLink, 'The booking link must be a web address (https://…)')
      .nullable(),
  })
  .strict();

export const matchEventRequestSchema = z.object({ leadId: z.string().min(1).max(64) }).strict();
/** Matching one event applies every waiting event of its booking chain, in the order they came. */
export const calendarEntriesSchema = z.object({ entries: z.array(calendarLogEntrySchema) });
export const calendarEntrySchema = z.object({ entry: calendarLogEntrySchema });

/** The answer to a webhook delivery. `duplicate`: this event was received before and is not applied again. */
export const webhookReceiptSchema = z.object({
  received: z.literal(true),
  status: z.enum([...CALENDAR_EVENT_STATUSES, 'duplicate', 'ignored']),
  entry: calendarLogEntrySchema.optional(),
  reason: z.string().optional(),
});
export type WebhookReceipt = z.infer<typeof webhookReceiptSchema>;

/** Where a provider posts its webhooks on the team server. */
export const webhookPath = (provider: (typeof CALENDAR_PROVIDERS)[number], hookId: string) =>
  `/v1/hooks/${provider}/${encodeURIComponent(hookId)}`;
