import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CALENDAR_EVENT_LABELS, CALENDAR_PROVIDER_LABELS } from '@/lib/domain/calendar/calendar-labels';
import { sendRequest } from '@/lib/messaging/request-client';
import type { CalendarView } from '@/lib/messaging/responses';
import type { CalendarLogEntry } from '@/lib/sync/calendar-protocol';
import { useFormatter } from '../../ui/use-formatter';
import { smallButton } from './copy-field';
import { LeadPicker } from './lead-picker';
import { useCalendarReply } from './use-calendar-reply';

const MATCHED_BY: Record<NonNullable<CalendarLogEntry['matchedBy']>, string> = {
  reference: 'by the link’s reference',
  booking: 'by its earlier booking',
  instagram: 'by the Instagram handle on the form',
  hand: 'by hand',
};

/** "@jess.fitlife", or the lead's name, as this browser knows the lead. */
function useLeadName(leadId: string | null) {
  const cards = useQuery({
    queryKey: ['leads.cards', leadId],
    queryFn: () => sendRequest('leads.cards', { ids: leadId ? [leadId] : [] }),
    enabled: leadId !== null,
  });
  const card = cards.data?.[0];
  return card ? (card.username ? `@${card.username}` : (card.displayName ?? 'a lead')) : 'a lead not on this browser';
}

const eventTitle = (e: CalendarLogEntry) =>
  `${CALENDAR_EVENT_LABELS[e.kind]} · ${CALENDAR_PROVIDER_LABELS[e.provider]}`;

function LastEvent({ entry }: { entry: CalendarLogEntry }) {
  const format = useFormatter();
  const lead = useLeadName(entry.leadId);
  const matched =
    entry.status === 'applied'
      ? `${lead} (${MATCHED_BY[entry.matchedBy ?? 'hand']})`
      : entry.status === 'unmatched'
        ? 'no lead matched yet: see below'
        : entry.status === 'dismissed'
          ? 'dismissed: not a lead'
          : 'a test, no lead';
  return (
    <dl data-testid="calendar-last-event" className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">Received</dt>
      <dd>{format.dateTime(entry.receivedAt)}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Event</dt>
      <dd>{eventTitle(entry)}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Lead</dt>
      <dd>{matched}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">What it did</dt>
      <dd>{entry.outcome}</dd>
    </dl>
  );
}

/** The last event received, a test delivery, and the events waiting for a coach to say which lead they are about. */
export function CalendarEvents({
  view,
  onRefresh,
  refreshing,
}: {
  view: CalendarView;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const accept = useCalendarReply();
  const test = useMutation({ mutationFn: () => sendRequest('calendar.sendTest', {}), onSuccess: accept });
  return (
    <div className="space-y-3">
      <h3 className="font-medium">Last event received</h3>
      {view.lastEvent ? (
        <LastEvent entry={view.lastEvent} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          Nothing yet. Book a test call through your link, or use Cal.com’s Ping test.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButton} onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? 'Sending…' : 'Send test event'}
        </button>
        <button type="button" className={smallButton} onClick={onRefresh} disabled={refreshing}>
          {refreshing ? 'Checking…' : 'Check for new events'}
        </button>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">
        The test event is signed with the secret and read like a Calendly delivery, on the server itself: it shows the
        connection works, not that Calendly can reach the server’s public address.
      </p>
      {test.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {test.error.message}
        </p>
      )}
      <Unmatched entries={view.unmatched} />
    </div>
  );
}

function Unmatched({ entries }: { entries: CalendarLogEntry[] }) {
  return (
    <section aria-labelledby="unmatched-heading" className="space-y-2">
      <h3 id="unmatched-heading" className="font-medium">
        Events waiting for a lead {entries.length > 0 ? `(${entries.length})` : ''}
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">None: every event found its lead.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-700">
          {entries.map((entry) => (
            <UnmatchedEvent key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UnmatchedEvent({ entry }: { entry: CalendarLogEntry }) {
  const format = useFormatter();
  const accept = useCalendarReply();
  const [picking, setPicking] = useState(false);
  const match = useMutation({
    mutationFn: (leadId: string) => sendRequest('calendar.match', { eventId: entry.id, leadId }),
    onSuccess: accept,
  });
  const dismiss = useMutation({
    mutationFn: () => sendRequest('calendar.dismiss', { eventId: entry.id }),
    onSuccess: accept,
  });
  const who = [entry.inviteeName, entry.inviteeEmail, entry.instagramHandle && `@${entry.instagramHandle}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="space-y-1 py-2 text-sm">
      <p className="font-medium">{eventTitle(entry)}</p>
      <p className="text-zinc-600 dark:text-zinc-300">
        {who || 'No name given'}
        {entry.callAt !== undefined ? ` · call ${format.dateTime(entry.callAt)}` : ''} · received{' '}
        {format.dateTime(entry.receivedAt)}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">{entry.outcome}</p>
      {picking ? (
        <LeadPicker
          label={`Lead for ${who || 'this event'}`}
          busy={match.isPending}
          onPick={(leadId) => match.mutate(leadId)}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <div className="flex gap-2">
          <button type="button" className={smallButton} onClick={() => setPicking(true)}>
            Match to lead
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={dismiss.isPending}
            onClick={() => {
              if (window.confirm('Dismiss this event? It will not move any lead.')) dismiss.mutate();
            }}
          >
            Not a lead: dismiss
          </button>
        </div>
      )}
      {(match.error ?? dismiss.error) && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {(match.error ?? dismiss.error)?.message}
        </p>
      )}
    </li>
  );
}
