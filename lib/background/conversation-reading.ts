import { type HistoryEvent, SYSTEM_ACTOR } from '../domain/history';
import type { Lead } from '../domain/lead';
import { assignOwner, type ChangeContext, type LeadChange, raiseLane } from '../domain/lead-operations';
import { LeadChangeFold } from '../domain/lead-change-fold';
import { escalationToRaise, escalationWords } from '../domain/signal-decisions';
import { detectSignals, type SignalMessage } from '../domain/signals';
import { messageKeys } from '../domain/signals/message-key';
import type { TeamLists } from '../domain/team-lists';
import { applyThreadSnapshot, type ThreadMessage } from '../domain/thread-reading';
import type { ThreadMessageRead } from '../messaging/protocol';

/** An escalation the guard raised while reading, to notify once the change is stored. */
export interface RaisedByReading {
  words: string;
}

export interface ReadingResult extends LeadChange {
  escalation?: RaisedByReading;
}

/**
 * The escalation guard, on messages just read: an inbound message with a trigger nobody decided on raises the
 * Escalation lane at once (its clock starting at that message), makes the coach the owner with "human reply only",
 * and records the words, all in the same change as the reading itself.
 */
export function guardEscalation(
  change: LeadChange,
  messages: readonly SignalMessage[],
  ctx: { now: number; newId: () => string; lists: TeamLists; timeZone: string; coachId?: string },
  history: readonly HistoryEvent[],
): ReadingResult {
  const signals = detectSignals(messages, {
    now: ctx.now,
    stage: change.lead.stage,
    escalationTriggers: ctx.lists.escalationTriggers,
    bookingLinkPatterns: [],
    keywords: ctx.lists.keywords,
    timeZone: ctx.timeZone,
  });
  const escalation = escalationToRaise(signals, [...change.events, ...history]);
  if (!escalation) return change;
  const guard: ChangeContext = { now: ctx.now, actor: SYSTEM_ACTOR, newId: ctx.newId };
  const words = escalationWords(escalation).join(', ').slice(0, 500);
  const next = new LeadChangeFold(change).apply((l) =>
    raiseLane(l, 'escalation', guard, 'Human reply only', escalation.at),
  );
  const { coachId } = ctx;
  if (coachId) next.apply((l) => assignOwner(l, coachId, guard));
  const decided: HistoryEvent = {
    id: ctx.newId(),
    leadId: change.lead.id,
    at: ctx.now,
    actor: SYSTEM_ACTOR,
    type: 'signal_decided',
    signalId: escalation.id,
    kind: 'escalation',
    decision: 'accepted',
    ...(words ? { detail: words } : {}),
  };
  return { lead: next.lead, events: [...next.events, decided], escalation: { words } };
}

/** Messages as the detectors read them, each with its stable key. */
export function signalMessagesOf(messages: readonly ThreadMessageRead[]): SignalMessage[] {
  const keys = messageKeys(messages);
  return messages.map((m, i) => ({
    key: keys[i],
    text: m.text,
    direction: m.direction,
    ...(m.at === undefined ? {} : { at: m.at }),
    ...(m.kind ? { kind: m.kind } : {}),
    ...(m.links?.length ? { links: m.links } : {}),
  }));
}

/**
 * The open conversation, read: the reply clock from thread order, then the escalation guard on what the lead wrote.
 * Messages with no time and no direction tell nothing about the clock, but are still read by the guard.
 */
export function readConversation(
  lead: Lead,
  messages: readonly ThreadMessageRead[],
  ctx: ChangeContext & { lists: TeamLists; timeZone: string; coachId?: string },
  history: readonly HistoryEvent[],
): ReadingResult {
  const signalMessages = signalMessagesOf(messages);
  const ordered: ThreadMessage[] = [];
  signalMessages.forEach((m, i) => {
    const read = messages[i]!;
    if (m.direction === 'unknown' || read.at === undefined) return;
    ordered.push({ direction: m.direction, at: read.at, approximate: read.approximate === true, key: m.key });
  });
  const change = applyThreadSnapshot(lead, ordered, ctx);
  return guardEscalation(change, signalMessages, ctx, history);
}
