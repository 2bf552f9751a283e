// Which conversation signals still need a person, given the lead and its history. Pure and zod-free: the content
// script runs it on every read of the thread.
import type { HistoryEvent } from './history';
import type { Lead } from './lead';
import type { ConversationSignal } from './signals/signal-types';

/** Signal ids someone accepted or dismissed (or the guard acted on): they never ask again. */
export function decidedSignalIds(history: readonly HistoryEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of history) if (event.type === 'signal_decided') ids.add(event.signalId);
  return ids;
}

export interface RaisedEscalation {
  signalId: string;
  /** The words that set it off, as recorded when it was raised. */
  detail?: string;
  at: number;
}

/**
 * The escalation the guard raised and nobody has dismissed, while the lead is still in the escalation lane: the
 * sidebar names its words and offers the one-click dismissal. History is newest first.
 */
export function raisedEscalation(
  lead: Pick<Lead, 'lanes'>,
  history: readonly HistoryEvent[],
): RaisedEscalation | undefined {
  if (!lead.lanes.includes('escalation')) return undefined;
  for (const event of history) {
    if (event.type !== 'signal_decided' || event.kind !== 'escalation') continue;
    if (event.decision === 'dismissed') return undefined;
    return { signalId: event.signalId, ...(event.detail ? { detail: event.detail } : {}), at: event.at };
  }
  return undefined;
}

/**
 * What the sidebar should offer for this lead: signals nobody decided yet, minus those the lead already reflects
 * (the source it already has, a next action already set). Escalations come first, then the newest suggestions.
 */
export function openSignals(
  signals: readonly ConversationSignal[],
  lead: Pick<Lead, 'stage' | 'source' | 'nextAction' | 'lanes' | 'unansweredSince'>,
  history: readonly HistoryEvent[],
): ConversationSignal[] {
  const decided = decidedSignalIds(history);
  const open = signals.filter((signal) => {
    if (decided.has(signal.id)) return false;
    if (signal.kind === 'source') return lead.source !== signal.source;
    if (signal.kind === 'follow_up_due') return lead.nextAction === null;
    if (signal.kind === 'no_reply_needed') return lead.unansweredSince !== undefined;
    if ('stage' in signal) return lead.stage !== signal.stage;
    return true;
  });
  // Only the latest suggestion of each kind: three booking links sent mean one "Booking link sent?" question.
  const latest = new Map<string, ConversationSignal>();
  for (const signal of open) if (signal.kind !== 'escalation') latest.set(signal.kind, signal);
  return [...open.filter((s) => s.kind === 'escalation'), ...[...latest.values()].reverse()];
}

/** The escalation the guard should raise now: one nobody decided on yet. */
export function escalationToRaise(
  signals: readonly ConversationSignal[],
  history: readonly HistoryEvent[],
): Extract<ConversationSignal, { kind: 'escalation' }> | undefined {
  const decided = decidedSignalIds(history);
  return signals.find(
    (s): s is Extract<ConversationSignal, { kind: 'escalation' }> => s.kind === 'escalation' && !decided.has(s.id),
  );
}

/** "refund, chargeback": the words that set an escalation off, as the lead wrote them. */
export const escalationWords = (signal: Extract<ConversationSignal, { kind: 'escalation' }>): string[] => [
  ...new Set(signal.hits.flatMap((hit) => hit.words)),
];
