import { type Actor, eventActor, type HistoryEvent, type HistoryEventBody } from './history';
import {
  type HandoffFields,
  handoffFieldsSchema,
  type Instant,
  type LaneContext,
  type Lead,
  laneContextSchema,
  leadSchema,
  storedLeadSchema,
} from './lead';
import { checkMove, type MoveOptions, type MoveRefusal } from './pipeline-rules';
import { LANES, type Lane, type Stage } from './pipeline-stages';

/** Everything a change needs from outside the domain: the time, who acts, and a way to make event ids. */
export interface ChangeContext {
  now: Instant;
  actor: Actor;
  newId: () => string;
}

export interface LeadChange {
  lead: Lead;
  events: HistoryEvent[];
}

export type MoveResult = ({ ok: true } & LeadChange) | { ok: false; refusal: MoveRefusal };

function event(lead: Lead, ctx: ChangeContext, body: HistoryEventBody, at: Instant = ctx.now): HistoryEvent {
  return { id: ctx.newId(), leadId: lead.id, at, actor: eventActor(body, ctx.actor), ...body } as HistoryEvent;
}

const touched = (lead: Lead, ctx: ChangeContext, patch: Partial<Lead>): Lead => ({
  ...lead,
  ...patch,
  updatedAt: Math.max(ctx.now, lead.updatedAt),
});

export function moveLead(lead: Lead, to: Stage, options: MoveOptions, ctx: ChangeContext): MoveResult {
  // The call time given with a move to Booked call is set first: it is part of what the move hands over.
  if (to === 'booked' && options.callAt !== undefined && options.callAt !== lead.fields.callAt) {
    const timed = setHandoffField(lead, 'callAt', options.callAt, ctx);
    const moved = moveLead(timed.lead, to, { ...options, callAt: undefined }, ctx);
    return moved.ok ? { ...moved, events: [...timed.events, ...moved.events] } : moved;
  }
  const check = checkMove(lead, to, options);
  if (!check.ok) return check;
  const patch: Partial<Lead> = { stage: to, stageEnteredAt: ctx.now };
  if (to === 'lost') patch.lostReason = options.lostReason?.trim();
  if (to === 'nurture') {
    patch.nurtureReason = options.nurtureReason?.trim();
    patch.nurtureUntil = options.nurtureUntil;
  }
  const reason =
    to === 'lost' ? patch.lostReason : to === 'nurture' ? patch.nurtureReason : options.note?.trim().slice(0, 500);
  const moved = touched(lead, ctx, patch);
  // A lead that comes back is active again: its old close-out reasons stay in history, not on the lead.
  if (to !== 'lost') delete moved.lostReason;
  if (to !== 'nurture') {
    delete moved.nurtureReason;
    delete moved.nurtureUntil;
  }
  return {
    ok: true,
    lead: moved,
    events: [
      event(lead, ctx, {
        type: 'stage_moved',
        from: lead.stage,
        to,
        missing: check.missing,
        weak: check.weak,
        ...(reason ? { reason } : {}),
      }),
    ],
  };
}

export function assignOwner(lead: Lead, ownerId: string | null, ctx: ChangeContext): LeadChange {
  if (lead.ownerId === ownerId) return { lead, events: [] };
  return {
    lead: touched(lead, ctx, { ownerId }),
    events: [event(lead, ctx, { type: 'owner_changed', from: lead.ownerId, to: ownerId })],
  };
}

type Scalar = string | number | boolean | null;
const asScalar = (v: unknown): Scalar => (v === undefined ? null : (v as Scalar));
const blankToUndefined = <T>(v: T): T | undefined => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export function setHandoffField<K extends keyof HandoffFields>(
  lead: Lead,
  key: K,
  value: HandoffFields[K] | undefined,
  ctx: ChangeContext,
): LeadChange {
  const next = blankToUndefined(value);
  if (lead.fields[key] === next) return { lead, events: [] };
  const fields = { ...lead.fields, [key]: next };
  if (next === undefined) delete fields[key];
  return {
    lead: touched(lead, ctx, { fields: leadSchema.shape.fields.parse(fields) }),
    events: [
      event(lead, ctx, { type: 'field_changed', field: key, from: asScalar(lead.fields[key]), to: asScalar(next) }),
    ],
  };
}

/** Lead-level fields editable by a person (stage, owner, lanes and next action have their own operations). */
export const LEAD_DETAIL_KEYS = [
  'username',
  'displayName',
  'source',
  'trigger',
  'leadType',
  'firstMessage',
  'notes',
  'lostReason',
  'nurtureReason',
  'nurtureUntil',
] as const;
export type LeadDetailKey = (typeof LEAD_DETAIL_KEYS)[number];

export function setLeadDetail<K extends LeadDetailKey>(
  lead: Lead,
  key: K,
  value: Lead[K] | undefined,
  ctx: ChangeContext,
): LeadChange {
  const next = key === 'notes' ? (value ?? '') : blankToUndefined(value);
  if (lead[key] === next) return { lead, events: [] };
  const patched = touched(lead, ctx, { [key]: next });
  // A cleared field is absent, as in `fields`, rather than present as `undefined`.
  if (next === undefined) delete patched[key];
  const updated = storedLeadSchema.parse(patched) as Lead;
  return {
    lead: updated,
    events: [event(lead, ctx, { type: 'field_changed', field: key, from: asScalar(lead[key]), to: asScalar(next) })],
  };
}

export function setLaneContext<K extends keyof LaneContext>(
  lead: Lead,
  key: K,
  value: LaneContext[K] | undefined,
  ctx: ChangeContext,
): LeadChange {
  const next = blankToUndefined(value);
  if (lead.laneContext[key] === next) return { lead, events: [] };
  const laneContext = { ...lead.laneContext, [key]: next };
  if (next === undefined) delete laneContext[key];
  return {
    lead: touched(lead, ctx, { laneContext: laneContextSchema.parse(laneContext) }),
    events: [
      event(lead, ctx, {
        type: 'field_changed',
        field: key,
        from: asScalar(lead.laneContext[key]),
        to: asScalar(next),
      }),
    ],
  };
}

/**
 * Puts a field back to the text it held before a change (the `from` of its `field_changed` event), through the
 * operation that owns the field, so the restore is itself a change in the history. Null for a field this lead
 * cannot hold.
 */
export function restoreFieldText(lead: Lead, field: string, text: string, ctx: ChangeContext): LeadChange | null {
  if (field in handoffFieldsSchema.shape) {
    const value = handoffFieldsSchema.shape[field as keyof HandoffFields].safeParse(text);
    return value.success ? setHandoffField(lead, field as keyof HandoffFields, value.data as never, ctx) : null;
  }
  if (field in laneContextSchema.shape) {
    const value = laneContextSchema.shape[field as keyof LaneContext].safeParse(text);
    return value.success ? setLaneContext(lead, field as keyof LaneContext, value.data as never, ctx) : null;
  }
  if ((LEAD_DETAIL_KEYS as readonly string[]).includes(field)) {
    const value = leadSchema.shape[field as LeadDetailKey].safeParse(text);
    return value.success ? setLeadDetail(lead, field as LeadDetailKey, value.data as never, ctx) : null;
  }
  return null;
}

/** Raises a lane. Its clock starts `since` (the message that raised it), never later than now; else now. */
export function raiseLane(lead: Lead, lane: Lane, ctx: ChangeContext, note?: string, since?: Instant): LeadChange {
  if (lead.lanes.includes(lane)) return { lead, events: [] };
  const start = since === undefined ? ctx.now : Math.min(since, ctx.now);
  return {
    // Lanes are kept in their fixed order, as team sync rebuilds them, so every browser holds the same list.
    lead: touched(lead, ctx, {
      lanes: LANES.filter((l) => l === lane || lead.lanes.includes(l)),
      laneSince: { ...lead.laneSince, [lane]: start },
    }),
    events: [event(lead, ctx, { type: 'lane_set', lane, ...(note ? { note } : {}) })],
  };
}

export function clearLane(lead: Lead, lane: Lane, ctx: ChangeContext): LeadChange {
  if (!lead.lanes.includes(lane)) return { lead, events: [] };
  const laneSince = { ...lead.laneSince };
  delete laneSince[lane];
  return {
    lead: touched(lead, ctx, { lanes: lead.lanes.filter((l) => l !== lane), laneSince }),
    events: [event(lead, ctx, { type: 'lane_cleared', lane })],
  };
}

/** Sets or clears the next action. A next action always carries a due time: the schema refuses one without. */
export function setNextAction(
  lead: Lead,
  next: { text: string; dueAt: Instant } | null,
  ctx: ChangeContext,
): LeadChange {
  const nextAction = next ? leadSchema.shape.nextAction.parse({ ...next, setAt: ctx.now }) : null;
  const current = lead.nextAction;
  if (nextAction?.text === current?.text && nextAction?.dueAt === current?.dueAt) return { lead, events: [] };
  return {
    lead: touched(lead, ctx, { nextAction }),
    events: [
      event(lead, ctx, {
        type: 'next_action_set',
        text: nextAction?.text ?? null,
        dueAt: nextAction?.dueAt ?? null,
      }),
    ],
  };
}

/**
 * Records a message seen in the thread. The reply clock starts at the oldest unanswered inbound message:
 * a second inbound message before a reply does not move it, and an outbound reply clears it.
 * Message times in the future (clock skew, a misread divider) are clamped to now.
 *
 * Messages are not always read in order (Instagram loads older messages as the thread scrolls up, and the
 * inbox preview shows only the newest), so the lead keeps the invariant "unansweredSince is the oldest inbound
 * after the last outbound" for whatever order they arrive in: an older unanswered inbound moves the clock back,
 * and a reply read late does not hide an inbound that came after it.
 */
export function recordMessage(
  lead: Lead,
  message: { direction: 'inbound' | 'outbound'; at: Instant },
  ctx: ChangeContext,
): LeadChange {
  const at = Math.min(message.at, ctx.now);
  if (message.direction === 'inbound') {
    const isNewest = lead.lastInboundAt === undefined || at > lead.lastInboundAt;
    const answered = lead.lastOutboundAt !== undefined && at <= lead.lastOutboundAt;
    if (answered)
      return isNewest ? { lead: touched(lead, ctx, { lastInboundAt: at }), events: [] } : { lead, events: [] };
    const startsEarlier = lead.unansweredSince === undefined || at < lead.unansweredSince;
    if (!isNewest && !startsEarlier) return { lead, events: [] };
    return {
      lead: touched(lead, ctx, {
        lastInboundAt: isNewest ? at : lead.lastInboundAt,
        unansweredSince: startsEarlier ? at : lead.unansweredSince,
      }),
      events: [event(lead, ctx, { type: 'reply_seen', direction: 'inbound', messageAt: at })],
    };
  }
  if (lead.lastOutboundAt !== undefined && at <= lead.lastOutboundAt) return { lead, events: [] };
  const answers = lead.unansweredSince !== undefined && at >= lead.unansweredSince;
  const updated = touched(lead, ctx, { lastOutboundAt: at });
  if (answers) {
    // An inbound newer than this reply is still waiting. Only the newest inbound time is kept, so the clock
    // restarts there: it may start a little late, but an unanswered message is never dropped.
    if (lead.lastInboundAt !== undefined && lead.lastInboundAt > at) updated.unansweredSince = lead.lastInboundAt;
    else delete updated.unansweredSince;
  }
  return {
    lead: updated,
    events: [event(lead, ctx, { type: 'reply_seen', direction: 'outbound', messageAt: at })],
  };
}
