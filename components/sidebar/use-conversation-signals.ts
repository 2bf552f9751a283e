import { useMemo } from 'react';
import { escalationWords, openSignals } from '@/lib/domain/signal-decisions';
import { type ConversationSignal, detectSignals, type SignalMessage } from '@/lib/domain/signals';
import { browserTimeZone } from '@/lib/format/formatter';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import type { LeadView } from '@/lib/messaging/responses';
import { useTeamLists } from './use-lead';

function signalMessages(snapshot: ThreadSnapshot): SignalMessage[] {
  return snapshot.messages.map((m) => ({
    text: m.text,
    direction: m.direction,
    kind: m.kind,
    ...(m.at === undefined ? {} : { at: m.at }),
    ...(m.links?.length ? { links: m.links } : {}),
  }));
}

/**
 * The escalation words in a thread nobody tracks yet ("refund", "chargeback"): the sidebar warns before anyone
 * replies, and tracking the lead raises the escalation.
 */
export function useUntrackedEscalationWords(snapshot: ThreadSnapshot | null): string[] {
  const lists = useTeamLists().data;
  return useMemo(() => {
    if (snapshot?.status !== 'ready' || !lists) return [];
    const signals = detectSignals(signalMessages(snapshot), {
      now: Date.now(),
      stage: 'new_dm',
      escalationTriggers: lists.escalationTriggers,
      bookingLinkPatterns: [],
      keywords: lists.keywords,
      timeZone: browserTimeZone(),
    });
    const escalation = signals.find((s) => s.kind === 'escalation');
    return escalation?.kind === 'escalation' ? escalationWords(escalation) : [];
  }, [snapshot, lists]);
}

/**
 * Reads the open thread for suggestions (stage, source, follow-up, no reply needed) with the team's lists. The
 * escalation guard does not run here: the background runs it on every read of the thread, panel or not.
 */
export function useConversationSignals(view: LeadView, snapshot: ThreadSnapshot | null): ConversationSignal[] {
  const lists = useTeamLists().data;
  const { lead, history } = view;
  const signals = useMemo(() => {
    if (snapshot?.status !== 'ready' || !lists) return [];
    return detectSignals(signalMessages(snapshot), {
      now: Date.now(),
      stage: lead.stage,
      escalationTriggers: lists.escalationTriggers,
      bookingLinkPatterns: lists.bookingLinkPatterns,
      keywords: lists.keywords,
      timeZone: browserTimeZone(),
    });
  }, [snapshot, lists, lead.stage]);
  return useMemo(
    () => openSignals(signals, lead, history).filter((s) => s.kind !== 'escalation'),
    [signals, lead, history],
  );
}
