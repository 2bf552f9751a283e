import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { escalationToRaise, escalationWords, openSignals } from '@/lib/domain/signal-decisions';
import { type ConversationSignal, detectSignals, type SignalMessage } from '@/lib/domain/signals';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import { sendRequest } from '@/lib/messaging/request-client';
import type { LeadView } from '@/lib/messaging/responses';
import { acceptLeadView, useTeamLists } from './use-lead';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

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
 * Reads the open thread for signals (escalations, stage suggestions, source) with the team's lists, and raises an
 * escalation the moment one appears: the guard does not wait for anyone to look at the sidebar.
 */
export function useConversationSignals(view: LeadView, snapshot: ThreadSnapshot | null): ConversationSignal[] {
  const queryClient = useQueryClient();
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

  const raising = useRef(new Set<string>());
  useEffect(() => {
    const escalation = escalationToRaise(signals, history);
    if (!escalation || raising.current.has(escalation.id)) return;
    raising.current.add(escalation.id);
    sendRequest('lead.decideSignal', {
      leadId: lead.id,
      signalId: escalation.id,
      kind: 'escalation',
      decision: 'accepted',
      detail: escalationWords(escalation).join(', ').slice(0, 500),
    })
      .then((reply) => {
        if (reply.done) acceptLeadView(queryClient, lead.threadId, reply.view);
      })
      .catch(() => raising.current.delete(escalation.id));
  }, [signals, history, lead.id, lead.threadId, queryClient]);

  return useMemo(
    () => openSignals(signals, lead, history).filter((s) => s.kind !== 'escalation'),
    [signals, lead, history],
  );
}
