import { z } from 'zod';
import { CALENDAR_PROVIDERS } from './calendar/calendar-labels';
import { instantSchema } from './lead';
import { laneSchema, stageSchema } from './pipeline-schemas';
import { SIGNAL_KINDS } from './signals/signal-types';
import { roleSchema } from './team';

/**
/**
 * Who did something: a team member (with the role they had then), or someone who is not a member, without an id: the
 * extension itself (`system`: clocks, sweeps, the escalation guard), the lead (their messages), or the team's
 * Instagram account (a reply sent from it: whoever held it, on a phone or here, is not known). `via` names the
 * calendar whose webhook the team server turned into the change (only the server writes it; releases before it drop
 * the key).
 */
export const actorSchema = z.object({
  memberId: z.string().max(64).nullable(),
  role: z.union([roleSchema, z.enum(['system', 'lead', 'account'])]),
  via: z.enum(CALENDAR_PROVIDERS).optional(),
});
export type Actor = z.infer<typeof actorSchema>;
export { ACCOUNT_ACTOR, calendarActor, eventActor, isMemberActor, LEAD_ACTOR, SYSTEM_ACTOR } from './actors';

export const CLOCK_KINDS = ['reply', 'stage', 'lane', 'next_action'] as const;
export const clockKindSchema = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof clockKindSchema>;

const fieldValue = z.union([z.string().max(8000), z.number(), z.boolean(), z.null()]);

const eventBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lead_created') }),
  z.object({
    type: z.literal('stage_moved'),
    from: stageSchema,
    to: stageSchema,
    /** Required context of the stage left that was still empty: a non-empty list makes this a weak handoff. */
    missing: z.array(z.string()),
    weak: z.boolean(),
    reason: z.string().max(500).optional(),
  }),
  z.object({ type: z.literal('owner_changed'), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ type: z.literal('field_changed'), field: z.string().max(64), from: fieldValue, to: fieldValue }),
  z.object({ type: z.literal('lane_set'), lane: laneSchema, note: z.string().max(2000).optional() }),
  z.object({ type: z.literal('lane_cleared'), lane: laneSchema }),
  z.object({
    type: z.literal('next_action_set'),
    text: z.string().max(500).nullable(),
    dueAt: instantSchema.nullable(),
  }),
  z.object({
    type: z.literal('reply_seen'),
    direction: z.enum(['inbound', 'outbound']),
    messageAt: instantSchema,
  }),
  /** Someone decided the lead's last message needs no reply: the reply clock is met. */
  z.object({ type: z.literal('reply_not_needed'), messageAt: instantSchema }),
  z.object({ type: z.literal('sla_warned'), clock: clockKindSchema, clockKey: z.string(), dueAt: instantSchema }),
  z.object({ type: z.literal('sla_breached'), clock: clockKindSchema, clockKey: z.string(), dueAt: instantSchema }),
  z.object({
    type: z.literal('sla_met'),
    clock: clockKindSchema,
    clockKey: z.string(),
    dueAt: instantSchema,
    metAt: instantSchema,
  }),
  /**
   * A conversation signal (lib/domain/signals) someone accepted or dismissed, or an escalation the guard raised:
   * the signal id (kind and message) is remembered so the same message never asks again.
   */
  z.object({
    type: z.literal('signal_decided'),
    signalId: z.string().min(1).max(200),
    kind: z.enum(SIGNAL_KINDS),
    decision: z.enum(['accepted', 'dismissed']),
    /** What the signal said, as shown then ("refund, chargeback", the link, the source). */
    detail: z.string().max(500).optional(),
  }),
  /**
   * Team sync kept one of two edits of a field (last writer wins by clock); the other is kept here, as JSON, so
   * nothing anyone typed disappears without a trace. `kind` as the server's conflict kinds (lib/sync/protocol.ts).
   */
  z.object({
    type: z.literal('sync_conflict'),
    field: z.string().max(64),
    kind: z.enum(['lost', 'overwritten', 'deleted']),
    kept: z.string().max(8000).nullable(),
    discarded: z.string().max(8000).nullable(),
    /** Who wrote the kept and the discarded value, where the server knew. */
    keptBy: z.string().max(64).optional(),
    discardedBy: z.string().max(64).optional(),
  }),
]);

const eventMeta = z.object({
  id: z.string().min(1).max(128),
  leadId: z.string().min(1).max(64),
  at: instantSchema,
  actor: actorSchema,
});

/** History is append-only: events are never edited or deleted, so the weekly review can trust them. */
export const historyEventSchema = z.intersection(eventMeta, eventBody);
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type HistoryEventBody = z.infer<typeof eventBody>;
export type HistoryEventType = HistoryEvent['type'];
