import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CALENDAR_PROVIDER_LABELS } from '@/lib/domain/calendar/calendar-labels';
import type { MessageKey } from '@/lib/i18n/message-key';
import type { Translate } from '@/lib/i18n/translator';
import { sendRequest } from '@/lib/messaging/request-client';
import type { CalendarView } from '@/lib/messaging/responses';
import type { CalendarLogEntry } from '@/lib/sync/calendar-protocol';
import { useT } from '../../ui/i18n';
import { useFormatter } from '../../ui/use-formatter';
import { smallButton } from './copy-field';
import { LeadPicker } from './lead-picker';
import { useCalendarReply } from './use-calendar-reply';

/** "@jess.fitlife", or the lead's name, as this browser knows the lead. */
function useLeadName(leadId: string | null) {
  const t = useT();
  const cards = useQuery({
    queryKey: ['leads.cards', leadId],
    queryFn: () => sendRequest('leads.cards', { ids: leadId ? [leadId] : [] }),
    enabled: leadId !== null,
  });
  const card = cards.data?.[0];
  if (!card) return t('options.calendar.leadElsewhere');
  return card.username ? `@${card.username}` : (card.displayName ?? t('options.calendar.aLead'));
}

const eventTitle = (t: Translate<MessageKey>, e: CalendarLogEntry) =>
  `${t(`calendarEvent.${e.kind}`)} · ${CALENDAR_PROVIDER_LABELS[e.provider]}`;

function LastEvent({ entry }: { entry: CalendarLogEntry }) {
  const format = useFormatter();
  const t = useT();
  const lead = useLeadName(entry.leadId);
  const matched =
    entry.status === 'applied'
      ? t('options.calendar.matched', { lead, how: t(`options.calendar.matchedBy.${entry.matchedBy ?? 'hand'}`) })
      : entry.status === 'unmatched'
        ? t('options.calendar.unmatched')
        : entry.status === 'dismissed'
          ? t('options.calendar.dismissed')
          : t('options.calendar.test');
  return (
    <dl data-testid="calendar-last-event" className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">{t('options.calendar.received')}</dt>
      <dd>{format.dateTime(entry.receivedAt)}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">{t('options.calendar.event')}</dt>
      <dd>{eventTitle(t, entry)}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">{t('options.calendar.lead')}</dt>
      <dd>{matched}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">{t('options.calendar.outcome')}</dt>
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
  const t = useT();
  const accept = useCalendarReply();
  const test = useMutation({ mutationFn: () => sendRequest('calendar.sendTest', {}), onSuccess: accept });
  return (
    <div className="space-y-3">
      <h3 className="font-medium">{t('options.calendar.lastEvent')}</h3>
      {view.lastEvent ? (
        <LastEvent entry={view.lastEvent} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{t('options.calendar.noEvents')}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButton} onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? t('options.calendar.sending') : t('options.calendar.sendTest')}
        </button>
        <button type="button" className={smallButton} onClick={onRefresh} disabled={refreshing}>
          {refreshing ? t('options.calendar.checking') : t('options.calendar.check')}
        </button>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">{t('options.calendar.testNote')}</p>
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
  const t = useT();
  return (
    <section aria-labelledby="unmatched-heading" className="space-y-2">
      <h3 id="unmatched-heading" className="font-medium">
        {t('options.calendar.waiting', { count: entries.length })}
      </h3>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{t('options.calendar.allMatched')}</p>
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
  const t = useT();
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
      <p className="font-medium">{eventTitle(t, entry)}</p>
      <p className="text-zinc-600 dark:text-zinc-300">
        {[
          who || t('options.calendar.noName'),
          entry.callAt !== undefined && t('options.calendar.callAt', { at: format.dateTime(entry.callAt) }),
          t('options.calendar.receivedAt', { at: format.dateTime(entry.receivedAt) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">{entry.outcome}</p>
      {picking ? (
        <LeadPicker
          label={who ? t('options.calendar.leadFor', { who }) : t('options.calendar.leadForEvent')}
          busy={match.isPending}
          onPick={(leadId) => match.mutate(leadId)}
          onCancel={() => setPicking(false)}
        />
      ) : (
        <div className="flex gap-2">
          <button type="button" className={smallButton} onClick={() => setPicking(true)}>
            {t('options.calendar.matchToLead')}
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={dismiss.isPending}
            onClick={() => {
              if (window.confirm(t('options.calendar.dismissConfirm'))) dismiss.mutate();
            }}
          >
            {t('options.calendar.dismiss')}
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
