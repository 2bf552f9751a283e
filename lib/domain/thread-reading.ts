import { eventActor, type HistoryEvent, type HistoryEventBody } from './history';
import type { Instant, Lead } from './lead';
import type { ChangeContext, LeadChange } from './lead-operations';
import { recordMessage } from './lead-operations';

/**
 * What the reply clock learns from reading a thread: the open conversation (every message, in order) or the thread
 * list (the last message only). Thread order decides what is answered: a message the lead sent after our last reply
 * is unanswered, whatever times the page prints (Instagram times whole blocks of messages, so our reply and the
 * lead's answer in the same minute carry the same time).
 */

export interface ThreadMessage {
  direction: 'inbound' | 'outbound';
  at: Instant;
  /** The time is inferred (a later message of a divider's block, a neighbour's time, when first seen). */
  approximate?: boolean;
  /** Stable per message (see messageKeys): how "no reply needed" is remembered for one message. */
  key?: string;
}

function event(lead: Lead, ctx: ChangeContext, body: HistoryEventBody, at = ctx.now): HistoryEvent {
  return { id: ctx.newId(), leadId: lead.id, at, actor: eventActor(body, ctx.actor), ...body } as HistoryEvent;
}

function withReplyState(lead: Lead, ctx: ChangeContext, patch: Partial<Lead>): Lead {
  const next: Lead = { ...lead, ...patch, updatedAt: Math.max(ctx.now, lead.updatedAt) };
  for (const key of ['unansweredSince', 'unansweredApproximate', 'lastOutboundAt', 'lastInboundAt'] as const) {
    if (next[key] === undefined) delete next[key];
  }
  if (!next.unansweredApproximate) delete next.unansweredApproximate;
  return next;
}

/**
 * The thread's first message from the lead and our first reply after it, when the view goes back further than what
 * the lead knows (a thread tracked long after it began).
 */
function firstExchange(
  lead: Lead,
  messages: readonly ThreadMessage[],
  clamp: (m: ThreadMessage) => number,
): Pick<Lead, 'firstInboundAt' | 'firstReplyAt'> {
  const first = messages.findIndex((m) => m.direction === 'inbound');
  if (first < 0) return {};
  const at = clamp(messages[first]!);
  if (lead.firstInboundAt !== undefined && lead.firstInboundAt <= at) {
    if (lead.firstReplyAt !== undefined) return {};
    const reply = messages.find((m, i) => i > first && m.direction === 'outbound');
    return reply ? { firstReplyAt: clamp(reply) } : {};
  }
  const reply = messages.find((m, i) => i > first && m.direction === 'outbound');
  return { firstInboundAt: at, ...(reply ? { firstReplyAt: Math.max(clamp(reply), at) } : {}) };
}

const sameState = (a: Lead, b: Lead) =>
  a.firstInboundAt === b.firstInboundAt &&
  a.firstReplyAt === b.firstReplyAt &&
  a.unansweredSince === b.unansweredSince &&
  a.unansweredApproximate === b.unansweredApproximate &&
  a.lastInboundAt === b.lastInboundAt &&
  a.lastOutboundAt === b.lastOutboundAt;

/**
 * Reads the open conversation as it is on screen, oldest message first. The end of a thread is always on screen
 * (Instagram loads older messages as the user scrolls up), so when the view holds our last reply, or the message
 * someone marked "no reply needed", everything after it decides the reply clock: unanswered since the first message
 * the lead sent after it (never before our reply), or answered. A view with no such point (only the lead's messages
 * are loaded) falls back to message times.
 */
export function applyThreadSnapshot(lead: Lead, messages: readonly ThreadMessage[], ctx: ChangeContext): LeadChange {
  const clamp = (m: ThreadMessage) => Math.min(m.at, ctx.now);
  let lastOut = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'outbound') {
      lastOut = i;
      break;
    }
  }
  const handledKey = lead.noReplyNeeded?.key;
  let handled = -1;
  if (handledKey) {
    for (let i = messages.length - 1; i > lastOut; i--) if (messages[i]!.key === handledKey) handled = i;
  }
  const answeredAt = Math.max(lastOut, handled);
  if (answeredAt < 0) {
    // Nothing answered in view: time order is all there is (the messages before them are not loaded).
    const handledThrough = lead.noReplyNeeded?.through ?? -1;
    const firstsOnly = firstExchange(lead, messages, clamp);
    const base = Object.keys(firstsOnly).length > 0 ? withReplyState(lead, ctx, firstsOnly) : lead;
    return [...messages]
      .filter((m) => !(m.direction === 'inbound' && clamp(m) <= handledThrough))
      .sort((a, b) => a.at - b.at)
      .reduce<LeadChange>(
        (acc, m) => {
          const next = recordMessage(acc.lead, { direction: m.direction, at: m.at }, ctx);
          return { lead: next.lead, events: [...acc.events, ...next.events] };
        },
        { lead: base, events: [] },
      );
  }

  const events: HistoryEvent[] = [];
  const replyAt = lastOut >= 0 ? clamp(messages[lastOut]!) : undefined;
  const firsts = firstExchange(lead, messages, clamp);
  const pointAt = handled > lastOut ? (lead.noReplyNeeded?.through ?? 0) : (replyAt ?? 0);
  const inbound = messages.filter((m) => m.direction === 'inbound');
  const lastInbound = inbound.at(-1);
  const firstUnanswered = messages.slice(answeredAt + 1).find((m) => m.direction === 'inbound');

  const patch: Partial<Lead> = { ...firsts };
  if (replyAt !== undefined && (lead.lastOutboundAt === undefined || replyAt > lead.lastOutboundAt)) {
    patch.lastOutboundAt = replyAt;
    events.push(event(lead, ctx, { type: 'reply_seen', direction: 'outbound', messageAt: replyAt }));
  }
  if (lastInbound && (lead.lastInboundAt === undefined || clamp(lastInbound) > lead.lastInboundAt)) {
    patch.lastInboundAt = clamp(lastInbound);
  }
  if (firstUnanswered) {
    // Never before the point that answered the messages before it: same-minute messages keep thread order.
    let since = Math.max(clamp(firstUnanswered), pointAt);
    let approximate = firstUnanswered.approximate === true;
    // An inferred time never moves a known start later (a message first seen again after a reload, say).
    const known = lead.unansweredSince;
    if (approximate && known !== undefined && known >= pointAt && known < since) {
      since = known;
      approximate = lead.unansweredApproximate === true;
    }
    const startsNow = lead.unansweredSince === undefined;
    patch.unansweredSince = since;
    patch.unansweredApproximate = approximate;
    if (startsNow) events.push(event(lead, ctx, { type: 'reply_seen', direction: 'inbound', messageAt: since }));
  } else {
    patch.unansweredSince = undefined;
    patch.unansweredApproximate = undefined;
  }
  const next = withReplyState(lead, ctx, patch);
  if (sameState(lead, next)) return { lead, events: [] };
  return { lead: next, events };
}

/** One thread-list row as the reply clock needs it. */
export interface ListRowFacts {
  from: 'me' | 'them';
  /** The row's age as an instant (no earlier than the truth), and how much earlier it may have been. */
  at?: Instant;
  atUncertaintyMs?: number;
}

/**
 * A thread-list row of a tracked lead: the last message of the conversation, seen without opening it. `isNew` says
 * whether the row shows a message it did not show before (its text or count changed); the first sight of a row is
 * not new. The lead's message starts (or keeps) the reply clock from the row's age, marked approximate, unless it is
 * the message someone already marked "no reply needed"; our reply meets the clock as a reply would.
 */
export function recordListRow(lead: Lead, row: ListRowFacts, isNew: boolean, ctx: ChangeContext): LeadChange {
  const at = Math.min(row.at ?? ctx.now, ctx.now);
  if (row.from === 'me') {
    const replyAt = Math.max(at, lead.unansweredSince ?? at);
    if (lead.unansweredSince === undefined && lead.lastOutboundAt !== undefined && replyAt <= lead.lastOutboundAt)
      return { lead, events: [] };
    const change = recordMessage(lead, { direction: 'outbound', at: replyAt }, ctx);
    return change.lead.unansweredSince === undefined && change.lead.unansweredApproximate
      ? { lead: withReplyState(change.lead, ctx, { unansweredApproximate: undefined }), events: change.events }
      : change;
  }
  if (lead.unansweredSince !== undefined) return { lead, events: [] };
  const handled = lead.noReplyNeeded;
  if (!isNew && handled && handled.through >= at - (row.atUncertaintyMs ?? 0)) return { lead, events: [] };
  const since = Math.max(at, lead.lastOutboundAt ?? 0, isNew ? 0 : (handled?.through ?? 0));
  const next = withReplyState(lead, ctx, {
    unansweredSince: since,
    unansweredApproximate: true,
    lastInboundAt: Math.max(lead.lastInboundAt ?? 0, since),
  });
  return { lead: next, events: [event(lead, ctx, { type: 'reply_seen', direction: 'inbound', messageAt: since })] };
}

/**
 * Someone decided the lead's last message needs no reply (a "thanks!", a thumbs up): the reply clock is met now,
 * and the decision is remembered for that message so reading the thread again does not restart the clock.
 */
export function markNoReplyNeeded(lead: Lead, ctx: ChangeContext, lastInboundKey?: string): LeadChange {
  if (lead.unansweredSince === undefined) return { lead, events: [] };
  const through = Math.max(lead.lastInboundAt ?? lead.unansweredSince, lead.unansweredSince);
  const next = withReplyState(lead, ctx, {
    unansweredSince: undefined,
    unansweredApproximate: undefined,
    noReplyNeeded: { through, at: ctx.now, ...(lastInboundKey ? { key: lastInboundKey } : {}) },
  });
  return { lead: next, events: [event(lead, ctx, { type: 'reply_not_needed', messageAt: through })] };
}
