import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SOURCE_LABELS } from '@/lib/domain/pipeline-stages';
import { raisedEscalation } from '@/lib/domain/signal-decisions';
import type { ConversationSignal } from '@/lib/domain/signals';
import type { Formatter } from '@/lib/format/formatter';
import type { ThreadSnapshot } from '@/lib/instagram/thread-types';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/request-client';
import type { LeadView } from '@/lib/messaging/responses';
import { fieldClass } from '../ui/field-styles';
import { describeMoveRefusal } from '@/lib/i18n/move-refusal';
import { useT } from '../ui/i18n';
import { useFormatter } from '../ui/use-formatter';
import { fromDatetimeLocal, toDatetimeLocal } from './datetime-local';
import { quote, type T } from './sidebar-words';
import { useConversationSignals } from './use-conversation-signals';
import { acceptLeadView } from './use-lead';

type Decision = RequestPayload<'lead.decideSignal'>;

function useDecide(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => sendRequest('lead.decideSignal', decision),
    onSuccess: (reply) => {
      if (reply.done) acceptLeadView(queryClient, threadId, reply.view);
    },
  });
}

const quoteAll = (t: T, words: readonly string[]) => words.map((w) => quote(t, w)).join(', ');

/** The sentence a suggestion asks, and what accepting it sends. */
function describe(
  signal: ConversationSignal,
  callAt: number | undefined,
  format: Formatter,
  t: T,
): { text: string; accept: Partial<Decision> } {
  switch (signal.kind) {
    case 'booking_link_sent':
      return {
        text: t('sidebar.signal.bookingLinkSent', { url: signal.url, stage: t('stage.link_sent') }),
        accept: { move: { to: 'link_sent', linkSentAt: signal.at ?? Date.now() } },
      };
    case 'booked_call':
      return {
        text: t('sidebar.signal.bookedCall', { words: quoteAll(t, signal.words), stage: t('stage.booked') }),
        accept: { move: { to: 'booked', ...(callAt === undefined ? {} : { callAt }) } },
      };
    case 'engaged':
      return {
        text: t('sidebar.signal.engaged', { text: quote(t, signal.text.slice(0, 80)), stage: t('stage.engaged') }),
        accept: { move: { to: 'engaged' } },
      };
    case 'buying_signal':
      return { text: t('sidebar.signal.buyingSignal', { words: quoteAll(t, signal.words) }), accept: {} };
    case 'follow_up_due':
      return {
        text: t('sidebar.signal.followUpDue', { due: format.dateTime(signal.dueAt) }),
        accept: { nextAction: { text: t('sidebar.signal.followUpAction'), dueAt: signal.dueAt } },
      };
    case 'source':
      return {
        text: signal.trigger
          ? t('sidebar.signal.sourceTrigger', {
              source: t(`source.${signal.source}`),
              trigger: signal.trigger,
              evidence: quote(t, signal.evidence.slice(0, 80)),
            })
          : t('sidebar.signal.source', {
              source: t(`source.${signal.source}`),
              evidence: quote(t, signal.evidence.slice(0, 80)),
            }),
        accept: { source: { source: signal.source, ...(signal.trigger ? { trigger: signal.trigger } : {}) } },
      };
    case 'no_reply_needed':
      return {
        text: t('sidebar.signal.noReplyNeeded', { text: quote(t, signal.text.slice(0, 80)) }),
        accept: {},
      };
    case 'escalation':
      return { text: '', accept: {} };
  }
}

const detailOf = (signal: ConversationSignal): string => {
  switch (signal.kind) {
    case 'booking_link_sent':
      return signal.url;
    case 'booked_call':
    case 'buying_signal':
      return signal.words.join(', ');
    case 'source':
      return SOURCE_LABELS[signal.source];
    case 'engaged':
    case 'no_reply_needed':
      return signal.text.slice(0, 120);
    default:
      return '';
  }
};

function Suggestion({ signal, view }: { signal: ConversationSignal; view: LeadView }) {
  const decide = useDecide(view.lead.threadId);
  const callId = useId();
  const [callAt, setCallAt] = useState(signal.kind === 'booked_call' ? signal.callTime?.callAt : undefined);
  const format = useFormatter();
  const t = useT();
  const { text, accept } = describe(signal, callAt, format, t);
  const base: Decision = {
    leadId: view.lead.id,
    signalId: signal.id,
    kind: signal.kind,
    decision: 'accepted',
    detail: detailOf(signal).slice(0, 500) || undefined,
  };
  const refused = decide.data && !decide.data.done ? decide.data : undefined;
  const send = (extra: Partial<Decision>) => decide.mutate({ ...base, ...extra });
  return (
    <li className="space-y-1 rounded border border-violet-200 bg-violet-50 p-2 dark:border-violet-800 dark:bg-violet-950">
      <p>{text}</p>
      {signal.kind === 'booked_call' && (
        <div>
          <label htmlFor={callId} className="text-xs text-zinc-600 dark:text-zinc-300">
            {t('field.callAt')}
          </label>
          <input
            id={callId}
            type="datetime-local"
            className={fieldClass}
            value={toDatetimeLocal(callAt)}
            onChange={(e) => setCallAt(fromDatetimeLocal(e.target.value))}
          />
        </div>
      )}
      {refused && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {describeMoveRefusal(t, refused.refusal, format.list)}
        </p>
      )}
      {decide.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {decide.error.message}
        </p>
      )}
      <div className="flex gap-2">
        {/* Once the rules refused the move, the choice is "move anyway" or not at all: Accept would only refuse again. */}
        {!(refused?.canForce && accept.move) && (
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => send(accept)}
            className="rounded bg-violet-700 px-2 py-0.5 text-xs font-medium text-white disabled:opacity-60"
          >
            {t(signal.kind === 'buying_signal' ? 'sidebar.signal.noted' : 'sidebar.signal.accept')}
          </button>
        )}
        {refused?.canForce && accept.move && (
          <button
            type="button"
            onClick={() => send({ move: { ...accept.move!, anyway: true } })}
            className="rounded border border-violet-700 px-2 py-0.5 text-xs text-violet-700 dark:text-violet-300"
          >
            {t('sidebar.signal.moveAnyway')}
          </button>
        )}
        <button
          type="button"
          disabled={decide.isPending}
          onClick={() => send({ decision: 'dismissed' })}
          className="rounded px-2 py-0.5 text-xs text-zinc-600 hover:underline dark:text-zinc-300"
        >
          {t('sidebar.signal.dismiss')}
        </button>
      </div>
    </li>
  );
}

/** What the open thread says: the escalation it raised, and suggestions to accept or dismiss with one click. */
export function SignalSuggestions({ view, snapshot }: { view: LeadView; snapshot: ThreadSnapshot | null }) {
  const suggestions = useConversationSignals(view, snapshot);
  const escalation = raisedEscalation(view.lead, view.history);
  const decide = useDecide(view.lead.threadId);
  const t = useT();
  if (!escalation && suggestions.length === 0) return null;
  return (
    <section aria-label={t('sidebar.signal.region')} className="mb-3 space-y-2 text-sm">
      {escalation && (
        <div
          role="alert"
          className="space-y-1 rounded border border-red-300 bg-red-50 p-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-semibold">{t('sidebar.signal.escalationTitle')}</p>
          {escalation.detail && (
            <p>{t('sidebar.signal.triggeredBy', { words: quoteAll(t, escalation.detail.split(', ')) })}</p>
          )}
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() =>
              decide.mutate({
                leadId: view.lead.id,
                signalId: escalation.signalId,
                kind: 'escalation',
                decision: 'dismissed',
                ...(escalation.detail ? { detail: escalation.detail } : {}),
              })
            }
            className="rounded border border-red-700 px-2 py-0.5 text-xs text-red-800 dark:text-red-200"
          >
            {t('sidebar.signal.notEscalation')}
          </button>
        </div>
      )}
      {suggestions.length > 0 && (
        <ul aria-label={t('sidebar.signal.list')} className="space-y-2">
          {suggestions.map((signal) => (
            <Suggestion key={signal.id} signal={signal} view={view} />
          ))}
        </ul>
      )}
    </section>
  );
}
